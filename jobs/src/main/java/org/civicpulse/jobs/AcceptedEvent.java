package org.civicpulse.jobs;

import org.civicpulse.contract.CivicEvent;

/**
 * A valid event with where it came from.
 *
 * @param qualityWarning a data-quality warning such as {@code UNKNOWN_STREET:x}, or null
 * @param receivedAt     the Kafka timestamp in epoch milliseconds
 * @param original       the original input text (kept for the late-events and dead-letter tables)
 */
public record AcceptedEvent(CivicEvent event, String qualityWarning, String topic, int partition, long offset,
                            long receivedAt, String original) {

    public String position() {
        return topic + ":" + partition + ":" + offset;
    }

    public long eventTime() {
        return event.occurredAt().toEpochMilli();
    }

    public AcceptedEvent withEvent(CivicEvent e) {
        return new AcceptedEvent(e, qualityWarning, topic, partition, offset, receivedAt, original);
    }
}
