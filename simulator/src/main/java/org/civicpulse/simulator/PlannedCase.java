package org.civicpulse.simulator;

import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.Channel;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Satisfaction;
import org.civicpulse.contract.Source;

/**
 * A case (or a spot check) as the simulator planned it: where and what, and every lifecycle step
 * with its event time. Its events are built from it only when they are emitted.
 */
final class PlannedCase {
    /** One lifecycle step: its type, event time (epoch ms) and, on RATED, the rating. */
    record Step(EventType type, long occurredAt, Boolean resolved, Satisfaction satisfaction) {
    }

    final Source source;
    /** The work order, or null for a spot check that opens no case. */
    final String caseId;
    /** Event ids are {@code idBase.N}, N counting the steps from 1. */
    final String idBase;
    final String district;
    final String street;
    final String category;
    final String unit;
    final String address;
    final Double lat;
    final Double lon;
    final boolean urgent;
    final Channel channel;
    final Boolean passed;
    /** Index of the scenario item that injected it, or -1. */
    final int injectedItem;
    final List<Step> steps;

    PlannedCase(Source source, String caseId, String idBase, String district, String street, String category,
            String unit, String address, Double lat, Double lon, boolean urgent, Channel channel, Boolean passed,
            int injectedItem, List<Step> steps) {
        this.source = source;
        this.caseId = caseId;
        this.idBase = idBase;
        this.district = district;
        this.street = street;
        this.category = category;
        this.unit = unit;
        this.address = address;
        this.lat = lat;
        this.lon = lon;
        this.urgent = urgent;
        this.channel = channel;
        this.passed = passed;
        this.injectedItem = injectedItem;
        this.steps = List.copyOf(steps);
    }

    long createdAt() {
        return steps.get(0).occurredAt();
    }

    String eventId(int step) {
        return idBase + "." + (step + 1);
    }

    /** The Kafka key of its events: the case, or the check's own id. */
    String key(int step) {
        return caseId != null ? caseId : eventId(step);
    }

    /**
     * The event of step {@code i}: the opening step carries the place, category and flags; later
     * steps carry the case and what is new (the unit on DISPATCHED, the rating on RATED), and
     * inherit the rest, as SPEC §2 allows.
     */
    CivicEvent event(int i, String streetOverride) {
        Step step = steps.get(i);
        Instant at = Instant.ofEpochMilli(step.occurredAt());
        if (i == 0) {
            return new CivicEvent(eventId(0), source, step.type(), caseId, at, district,
                    streetOverride != null ? streetOverride : street, category, null, lat, lon, address,
                    urgent ? Boolean.TRUE : null, channel, null, null, passed);
        }
        String stepUnit = step.type() == EventType.DISPATCHED ? unit : null;
        return new CivicEvent(eventId(i), source, step.type(), caseId, at, null, null, null, stepUnit, null, null,
                null, null, null, step.resolved(), step.satisfaction(), null);
    }
}
