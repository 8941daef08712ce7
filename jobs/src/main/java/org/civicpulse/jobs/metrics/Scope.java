package org.civicpulse.jobs.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The scopes a metric is kept for (SPEC §4): the city, each district, street, handling unit and
 * category, and each district × category (for a district's category breakdown). A scope key reads
 * like {@code district:110101} or {@code street:110101:东华门街道}. Besides these, each handling
 * unit within a district keeps its backlog gauges only ({@code district-unit:110101:城管执法队}).
 */
public final class Scope {
    public static final String CITY = "city";

    private Scope() {
    }

    /**
     * Every scope a contribution at {@code place} in {@code bucket} counts in; a gauge (bucket
     * {@link CaseFacts#GAUGE}) also in its district's handling unit.
     */
    public static List<String> of(Place place, long bucket) {
        List<String> scopes = new ArrayList<>(7);
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
            if (bucket == CaseFacts.GAUGE && !place.district().isEmpty()) {
                // A handling unit's work in one district, for the district page's list of units:
                // gauges only, so a unit's backlog there is exact and reading it costs the same
                // whatever the history.
                scopes.add("district-unit:" + place.district() + ":" + place.unit());
            }
        }
        return scopes;
    }

    /** The kind of a scope key: {@code city}, {@code district}, {@code street}, … */
    public static String kind(String scopeKey) {
        int colon = scopeKey.indexOf(':');
        return colon < 0 ? scopeKey : scopeKey.substring(0, colon);
    }
}
