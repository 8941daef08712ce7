package org.civicpulse.jobs;

/**
 * The id guard's ruling on one event, addressed by the event's key and identified by its position
 * ({@code topic:partition:offset}), which no other input shares.
 *
 * @param watermark the guard's watermark when it ruled (what a late event was late against)
 */
public record IdVerdict(String eventKey, String position, Outcome outcome, long watermark) {

    public enum Outcome {
        /** The first time the id is seen: the event counts. */
        FIRST,
        /** The id again with the same content: counted once already, dropped silently. */
        REPEAT,
        /** The id again with different content: the first wins, this one to dead-letter. */
        CONFLICT,
        /** More than the allowed lateness behind the watermark: to the late-events table. */
        LATE
    }
}
