package org.civicpulse.contract;

import java.util.List;
import java.util.Objects;

/** The outcome of validating one input line: an accepted event or one rejection. */
public sealed interface Validation permits Validation.Accepted, Validation.Rejected {

    /**
     * The line is a valid event; {@code warnings} are data-quality notes such as
     * {@code UNKNOWN_STREET:<name>} about parts that were dropped.
     */
    record Accepted(CivicEvent event, List<String> warnings) implements Validation {
        /** Requires the event and freezes the warnings. */
        public Accepted {
            Objects.requireNonNull(event, "event");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The line goes to the dead-letter topic for this reason; {@code eventId} is the line's
     * {@code id} when it could be read, else null.
     */
    record Rejected(Rejection rejection, String eventId) implements Validation {
        /** Requires the reason. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
