package org.civicpulse.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.civicpulse.contract.Source;

/**
 * A drill: hotspots and incidents injected on top of the normal stream. Load one with
 * {@link ScenarioLoader}; the format is in the module README.
 *
 * @param name a label for the ground truth
 * @param hotspots extra problems of one category on one street or at one point
 * @param incidents a burst of problems across a district, such as a heating outage
 */
public record Scenario(String name, List<Hotspot> hotspots, List<Incident> incidents) {
    /** Freezes the lists. */
    public Scenario {
        hotspots = List.copyOf(hotspots);
        incidents = List.copyOf(incidents);
    }

    /** No injections. */
    public static Scenario none() {
        return new Scenario("none", List.of(), List.of());
    }

    public boolean isEmpty() {
        return hotspots.isEmpty() && incidents.isEmpty();
    }

    /**
     * Extra problems of {@code category} on {@code street} (or at the point {@code point} on it)
     * from {@code start} for {@code durationMinutes}: either {@code extraCount} of them spread
     * evenly, or the normal rate raised {@code multiplier} times.
     *
     * @param id label in the ground truth, e.g. {@code hotspots[0]} when the file gives none
     * @param district 6-digit district code
     * @param street street name as in the catalogue
     * @param point an address (点位) on that street, or null for the whole street
     * @param category catalogue code
     * @param source HOTLINE or GRID (default HOTLINE)
     * @param start start of the window
     * @param durationMinutes length of the window
     * @param multiplier the street's normal rate of the category is raised this many times (≥ 1),
     *     all extra problems at {@code point} when one is given; or null
     * @param extraCount this many extra problems, or null
     */
    public record Hotspot(String id, String district, String street, String point, String category,
            Source source, Instant start, int durationMinutes, Double multiplier, Integer extraCount) {
        /** Requires the fields every hotspot has. */
        public Hotspot {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(street, "street");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(start, "start");
        }

        public Instant end() {
            return start.plus(Duration.ofMinutes(durationMinutes));
        }
    }

    /**
     * A burst of {@code extraCount} problems across a district (or one street of it) from
     * {@code start} for {@code durationMinutes}, front-loaded as calls are after an outage begins.
     *
     * @param id label in the ground truth
     * @param kind e.g. HEATING_OUTAGE, WATER_OUTAGE, POWER_OUTAGE, GAS_OUTAGE, RAINSTORM
     * @param district 6-digit district code
     * @param street one street of the district, or null for all of it
     * @param category catalogue code (defaults by kind)
     * @param source HOTLINE or GRID (default HOTLINE)
     * @param start start of the window
     * @param durationMinutes length of the window
     * @param extraCount how many problems
     * @param unit the handling unit of every case (defaults by kind), or null for the usual units
     */
    public record Incident(String id, String kind, String district, String street, String category,
            Source source, Instant start, int durationMinutes, int extraCount, String unit) {
        /** Requires the fields every incident has. */
        public Incident {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(start, "start");
        }

        public Instant end() {
            return start.plus(Duration.ofMinutes(durationMinutes));
        }
    }
}
