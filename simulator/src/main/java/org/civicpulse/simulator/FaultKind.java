package org.civicpulse.simulator;

/**
 * The kinds of bad input the simulator injects: every row of SPEC §2's bad-input table. Each has
 * a default rate (a share of the valid events it applies to; 0 disables it) and the outcome the
 * pipeline is expected to give, which the ground truth records with every faulty line.
 */
public enum FaultKind {
    /** The same line again, seconds to an hour later. */
    EXACT_DUPLICATE(0.005, "DUPLICATE_IGNORED", "the same line again (counted once)"),
    /** The same id again with different content, after the original. */
    CONFLICTING_DUPLICATE(0.002, "CONFLICTING_DUPLICATE", "the same id with different content, after the first"),
    /** A case's opening event sent after one of its follow-ups (minutes, at most 5 h late). */
    OUT_OF_ORDER(0.005, "ACCEPTED", "a case's CREATED sent after a follow-up"),
    /** A follow-up or a check sent minutes to hours after it occurred; a fifth of them beyond 6 h. */
    LATE(0.005, "ACCEPTED_LATE or TOO_LATE", "sent minutes to hours late, some beyond 6 h"),
    /** A follow-up of a case that is never created. */
    ORPHAN_CASE_EVENT(0.001, "ORPHAN_CASE_EVENT", "a follow-up whose case is never created"),
    /** A truncated line, an HTML error page, a JSON array, two objects on one line. */
    MALFORMED(0.002, "INVALID_JSON", "truncated JSON or not JSON at all"),
    /** A required field left out, null or blank. */
    MISSING_FIELD(0.002, "MISSING_FIELD:<name>", "a required field missing, null or blank"),
    /** A source that is none of the three. */
    UNKNOWN_SOURCE(0.0005, "UNKNOWN_SOURCE", "an unknown source"),
    /** A type that is no lifecycle step. */
    UNKNOWN_TYPE(0.0005, "UNKNOWN_TYPE", "an unknown type"),
    /** A step the source does not have, such as RATED on GRID. */
    TYPE_NOT_FOR_SOURCE(0.0005, "TYPE_NOT_FOR_SOURCE", "a type the source does not have"),
    /** A district code that is not one of the 16. */
    UNKNOWN_DISTRICT(0.001, "UNKNOWN_DISTRICT", "an unknown district code"),
    /** A category code that is not in the catalogue. */
    UNKNOWN_CATEGORY(0.002, "UNKNOWN_CATEGORY", "an unknown category code"),
    /** An occurredAt without an offset or not a date at all. */
    BAD_TIMESTAMP(0.001, "BAD_TIMESTAMP", "occurredAt unparseable or without an offset"),
    /** An occurredAt ten years ahead (a mistyped year). */
    FUTURE_TIMESTAMP(0.0005, "FUTURE_TIMESTAMP", "occurredAt ten years ahead"),
    /** Swapped or incomplete coordinates. */
    BAD_COORDINATES(0.0005, "BAD_COORDINATES", "lat/lon swapped or only one of them"),
    /** A CREATED or CHECKED whose street is unknown or in another district; the event stays valid. */
    UNKNOWN_STREET(0.001, "ACCEPTED_WITH_WARNING:UNKNOWN_STREET", "a street unknown in its district");

    private final double defaultRate;
    private final String expected;
    private final String description;

    FaultKind(double defaultRate, String expected, String description) {
        this.defaultRate = defaultRate;
        this.expected = expected;
        this.description = description;
    }

    /** The rate used unless configured otherwise. */
    public double defaultRate() {
        return defaultRate;
    }

    /** The pipeline's expected outcome (a dead-letter reason code or how the event is kept). */
    public String expected() {
        return expected;
    }

    /** One line for {@code --help}. */
    public String description() {
        return description;
    }

    /** Whether the faulty line is a valid event (the fault is in its timing or a dropped street). */
    public boolean keepsEventValid() {
        return this == OUT_OF_ORDER || this == LATE || this == UNKNOWN_STREET;
    }
}
