package org.civicpulse.contract;

import java.time.Instant;

/**
 * A rejected input as it appears on the dead-letter topic and in the {@code dead_letters} table:
 * the original input, why it was rejected, and where it came from.
 *
 * @param id          where the input came from, unique per input: {@code topic:partition:offset},
 *                    or {@code replay:<file>:<line>} for lines replay could not route
 * @param receivedAt  when the input reached Kafka (or replay read it)
 * @param reason      the reason code, e.g. {@code MISSING_FIELD:caseId}
 * @param message     the same reason in a sentence
 * @param sourceTopic the topic the input was read from, or {@code replay:<file>}
 * @param partition   Kafka partition, -1 when not from Kafka
 * @param offset      Kafka offset, -1 when not from Kafka
 * @param lineNumber  line in the replayed file, 0 when not from replay
 * @param eventId     the event's {@code id} when it could be read, else null
 * @param original    the original input as text; bytes that are not UTF-8 show as U+FFFD
 * @param originalBase64 the original bytes exactly, in base64, when they are not valid UTF-8
 *                    (then {@code original} cannot hold them); null otherwise
 */
public record DeadLetter(String id, Instant receivedAt, String reason, String message, String sourceTopic,
                         int partition, long offset, long lineNumber, String eventId, String original,
                         String originalBase64) {

    /** A dead letter for a Kafka record whose input was already read as text (an accepted event's). */
    public static DeadLetter fromKafka(String topic, int partition, long offset, Instant receivedAt,
                                       Rejection rejection, String eventId, String original) {
        return fromKafka(topic, partition, offset, receivedAt, rejection, eventId, original, null);
    }

    /** A dead letter for a Kafka record's bytes, kept exactly (SPEC §2: the original bytes). */
    public static DeadLetter fromKafka(String topic, int partition, long offset, Instant receivedAt,
                                       Rejection rejection, String eventId, byte[] original) {
        return fromKafka(topic, partition, offset, receivedAt, rejection, eventId, Utf8.lenient(original),
                Utf8.base64UnlessText(original));
    }

    private static DeadLetter fromKafka(String topic, int partition, long offset, Instant receivedAt,
                                        Rejection rejection, String eventId, String original, String originalBase64) {
        return new DeadLetter(topic + ":" + partition + ":" + offset, receivedAt, rejection.code(),
                rejection.message(), topic, partition, offset, 0, eventId, original, originalBase64);
    }

    /** A dead letter for a replayed line that could not be routed to a topic. */
    public static DeadLetter fromReplay(String file, long lineNumber, Instant readAt, Rejection rejection,
                                        byte[] original) {
        return new DeadLetter("replay:" + file + ":" + lineNumber, readAt, rejection.code(), rejection.message(),
                "replay:" + file, -1, -1, lineNumber, null, Utf8.lenient(original), Utf8.base64UnlessText(original));
    }

    /** The reason code up to its first colon ({@code MISSING_FIELD} for {@code MISSING_FIELD:caseId}). */
    public String reasonClass() {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
