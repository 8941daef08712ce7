package org.civicpulse.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * One accepted input event of any source, with the fields of SPEC §2; {@link #occurredAt()} is
 * its event time.
 *
 * @param id unique event id, the idempotency key
 * @param source the channel the event came through
 * @param type the lifecycle step
 * @param caseId the work order the event belongs to, or {@code null}
 * @param occurredAt event time
 * @param district 6-digit district code; on follow-ups often {@code null} until inherited
 * @param street street or town name as in the catalogue, or {@code null}
 * @param category catalogue code; on follow-ups often {@code null} until inherited
 * @param unit the handling unit (承办单位), or {@code null}
 * @param lat WGS-84 latitude, or {@code null}; given together with {@code lon}
 * @param lon WGS-84 longitude, or {@code null}; given together with {@code lat}
 * @param address the point (点位), e.g. an alley or a compound, or {@code null}
 * @param urgent {@code urgent} as the event says it: true, false, or {@code null} when it says
 *     nothing (then the category's default decides; an explicit flag wins over it)
 * @param channel how a citizen reached the hotline, or {@code null}
 * @param resolved on {@code RATED}: the citizen says the problem is solved
 * @param satisfaction on {@code RATED}: the citizen's rating
 * @param passed on {@code CHECKED}: the spot-check outcome
 */
public record CivicEvent(
        String id,
        Source source,
        EventType type,
        String caseId,
        Instant occurredAt,
        String district,
        String street,
        String category,
        String unit,
        Double lat,
        Double lon,
        String address,
        // Absent when the event says nothing, so "urgent": false and no flag stay apart on the wire.
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean urgent,
        Channel channel,
        Boolean resolved,
        Satisfaction satisfaction,
        Boolean passed) {

    /** Requires the four fields every event has. */
    public CivicEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The Kafka record key: the case when there is one, so a case's events stay in order. */
    public String key() {
        return caseId != null ? caseId : id;
    }

    /** A copy with the place replaced, used to inherit a case's place onto its later events. */
    public CivicEvent withPlace(String district, String street, String category, String unit) {
        return new CivicEvent(id, source, type, caseId, occurredAt, district, street, category,
                unit, lat, lon, address, urgent, channel, resolved, satisfaction, passed);
    }

    /**
     * Whether this event opens a case: a {@code CREATED}, or a failed check that carries a
     * {@code caseId} (a failed check without one is counted as a problem but never tracked).
     */
    public boolean opensCase() {
        return type == EventType.CREATED
                || (type == EventType.CHECKED && caseId != null && Boolean.FALSE.equals(passed));
    }
}
