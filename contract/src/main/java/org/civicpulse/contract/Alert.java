package org.civicpulse.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One hotspot alert: a street × category episode (SPEC §5). The job that owns alert state
 * publishes every new state of an alert, whole, on the live alerts topic keyed by {@link #id};
 * {@link #version} grows by one with each state so readers keep the newest.
 *
 * @param id         derived from street, category and opening time (deterministic)
 * @param openedAt   event time the episode opened
 * @param lastSeenAt event time the unit was last above its expected level
 * @param closedAt   event time the episode closed, null while active
 * @param observed   new problems in the detector's current window
 * @param expected   the expected count for that window
 * @param score      the detector's score
 * @param points     where the cases concentrate, when known (possibly empty, never null)
 * @param ackedBy    the operator who acknowledged it, null until then
 */
public record Alert(String id, String district, String street, String category, Kind kind,
                    Severity severity, Status status, Instant openedAt, Instant lastSeenAt, Instant closedAt,
                    long observed, double expected, double score, List<AlertPoint> points,
                    String ackedBy, String comment, String assignedTo, long version) {

    /** Esri's emerging-hot-spot categories, adapted to a stream. */
    public enum Kind { NEW, INTENSIFYING, PERSISTENT, DIMINISHING }

    public enum Severity { LOW, MEDIUM, HIGH }

    /** ACKED is still active; only CLOSED ends the episode. */
    public enum Status { OPEN, ACKED, CLOSED }

    public Alert {
        Objects.requireNonNull(id, "id");
        points = points == null ? List.of() : List.copyOf(points);
    }

    /** Whether the episode is still going on (OPEN or ACKED). */
    public boolean active() {
        return status != Status.CLOSED;
    }

    /**
     * A place where the alert's cases concentrate: a point (address or rounded coordinates) or
     * a grid cell, with how many of the window's cases fell there.
     *
     * @param label the address or cell name as an operator reads it
     * @param lon   WGS-84 longitude, null when only an address is known
     * @param lat   WGS-84 latitude, null when only an address is known
     */
    public record AlertPoint(String label, Double lon, Double lat, long count) {
    }
}
