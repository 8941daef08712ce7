package org.civicpulse.contract;

/** A lifecycle step of a case, or the outcome of a spot check. */
public enum EventType {
    CREATED,
    DISPATCHED,
    RESPONDED,
    RESOLVED,
    RATED,
    CLOSED,
    REOPENED,
    CHECKED;

    /**
     * Whether events of this type exist for the given source: only the hotline rates its cases,
     * only inspections check points, and inspection cases are opened by a failed check rather
     * than by {@code CREATED}.
     */
    public boolean allowedFor(Source source) {
        return switch (source) {
            case HOTLINE -> this != CHECKED;
            case GRID -> this != CHECKED && this != RATED;
            case INSPECTION -> this != CREATED && this != RATED;
        };
    }

    /** Whether this step belongs to a case that some earlier event opened. */
    public boolean isCaseFollowUp() {
        return this != CREATED && this != CHECKED;
    }
}
