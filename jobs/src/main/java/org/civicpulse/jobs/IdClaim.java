package org.civicpulse.jobs;

/**
 * What the id guard needs of an event to rule on its id: the id, the fingerprint of its content,
 * its event time (for lateness) and where to send the verdict (the event's key and position).
 */
public record IdClaim(String id, long fingerprint, long eventTime, String eventKey, String position) {

    public static IdClaim of(AcceptedEvent in) {
        return new IdClaim(in.event().id(), EventFingerprint.of(in.event()), in.eventTime(), in.event().key(),
                in.position());
    }
}
