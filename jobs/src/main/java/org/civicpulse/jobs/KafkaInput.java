package org.civicpulse.jobs;

/**
 * One Kafka record as read, before any parsing: where it came from and its bytes.
 *
 * @param receivedAt the record's Kafka timestamp in epoch milliseconds
 */
public record KafkaInput(String topic, int partition, long offset, long receivedAt, byte[] value) {
    /** The input's position, unique per record: {@code topic:partition:offset}. */
    public String position() {
        return topic + ":" + partition + ":" + offset;
    }
}
