package org.civicpulse.jobs.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The scopes a metric is kept for (SPEC §4): the city, each district, street, handling unit and
 * category, and each district × category (for a district's category breakdown). A scope key reads
 * like {@code district:110101} or {@code street:110101:东华门街道}. Besides these, each handling
 * unit within a district keeps its backlog gauges only ({@link #districtUnit}).
 */
public final class Scope {
    public static final String CITY = "city";

    private Scope() {
    }

    /** Every scope a contribution at {@code place} counts in. */
    public static List<String> of(Place place) {
        List<String> scopes = new ArrayList<>(6);
        scopes.add(CITY);
        if (!place.district().isEmpty()) {
            scopes.add("district:" + place.district());
            if (!place.street().isEmpty()) {
                scopes.add("street:" + place.district() + ":" + place.street());
            }
            if (!place.category().isEmpty()) {
                scopes.add("district-category:" + place.district() + ":" + place.category());
            }
        }
        if (!place.category().isEmpty()) {
            scopes.add("category:" + place.category());
        }
        if (!place.unit().isEmpty()) {
            scopes.add("unit:" + place.unit());
        }
        return scopes;
    }

    /**
     * The scope of a handling unit's work in one district, for the district page's list of units:
     * gauges only (open, overdue, about to breach, pending), so a unit's backlog there is exact and
     * reading it costs the same whatever the history. {@code null} when the place has no district
     * or no unit.
     */
    public static String districtUnit(Place place) {
        if (place.district().isEmpty() || place.unit().isEmpty()) {
            return null;
        }
        return "district-unit:" + place.district() + ":" + place.unit();
    }

    /** The kind of a scope key: {@code city}, {@code district}, {@code street}, … */
    public static String kind(String scopeKey) {
        int colon = scopeKey.indexOf(':');
        return colon < 0 ? scopeKey : scopeKey.substring(0, colon);
    }
}
