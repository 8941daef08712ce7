package org.civicpulse.jobs.metrics;

import java.util.Arrays;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Satisfaction;
import org.civicpulse.contract.Source;
import org.civicpulse.contract.TimeLimits;

/**
 * Everything the job remembers of one case: place, handling unit, stage times and limits (epoch
 * milliseconds, 0 = not yet), and every rating. A Flink POJO (public fields, no-arg constructor)
 * so it is serialised without Kryo. Stage times are kept in event time, so events applied out of
 * order give the same state as in order.
 */
public class CaseState {
    public static final int RATED_RESOLVED = 1;
    public static final int RATED_SATISFIED = 2;
    public static final int RATED_BASIC = 4;

    public String caseId;
    public String source;
    public String district;
    public String street;
    public String category;
    public String unit;
    public String address;
    public boolean urgent;
    public long createdAt;
    public long dispatchedAt;
    public long firstRespondedAt;
    public long lastResolvedAt;
    public long lastReopenedAt;
    public long closedAt;
    public long responseLimitAt;
    public long resolutionLimitAt;
    public long[] ratingTimes = new long[0];
    public int[] ratingOutcomes = new int[0];
    /** Events applied; grows with every event, so it orders the case table's rows. */
    public int version;
    /**
     * The latest event time of the case (0 in a case restored from a version that kept it in a
     * state of its own); the case is forgotten {@code case.retention} after it.
     */
    public long lastEventAt;
    /** The pending retention timer's time, or 0 (it is moved lazily: see CaseLifecycleFunction). */
    public long retentionTimerAt;

    /** Lifecycle status in event time. */
    public enum Status { OPEN, RESOLVED, CLOSED }

    public CaseState() {
    }

    /** A new case from its opening event ({@code CREATED}, or a failed {@code CHECKED}). */
    public static CaseState open(CivicEvent opening, String urgencyDefault) {
        CaseState s = new CaseState();
        s.caseId = opening.caseId();
        s.source = opening.source().name();
        s.district = opening.district();
        s.street = opening.street();
        s.category = opening.category();
        s.unit = opening.unit();
        s.address = opening.address();
        s.urgent = TimeLimits.isUrgent(opening.urgent(), urgencyDefault);
        s.createdAt = opening.occurredAt().toEpochMilli();
        s.responseLimitAt = s.createdAt + TimeLimits.responseLimit(s.urgent).toMillis();
        s.resolutionLimitAt = s.createdAt + TimeLimits.resolutionLimit(s.urgent, urgencyDefault).toMillis();
        s.version = 1;
        return s;
    }

    /** Applies a later event of the case (any arrival order). */
    public void apply(CivicEvent e) {
        long t = e.occurredAt().toEpochMilli();
        version++;
        if (e.unit() != null) {
            unit = e.unit();
        }
        if (street == null && e.street() != null) {
            street = e.street();
        }
        switch (e.type()) {
            case DISPATCHED -> dispatchedAt = earliest(dispatchedAt, t);
            case RESPONDED -> firstRespondedAt = earliest(firstRespondedAt, t);
            case RESOLVED -> lastResolvedAt = Math.max(lastResolvedAt, t);
            case REOPENED -> lastReopenedAt = Math.max(lastReopenedAt, t);
            case CLOSED -> closedAt = earliest(closedAt, t);
            case RATED -> addRating(t, outcome(e));
            default -> { } // a repeated opening event changes nothing
        }
    }

    public Status status() {
        if (closedAt > 0) {
            return Status.CLOSED;
        }
        return lastResolvedAt > 0 && lastResolvedAt > lastReopenedAt ? Status.RESOLVED : Status.OPEN;
    }

    public boolean isHotline() {
        return Source.HOTLINE.name().equals(source);
    }

    public boolean isGrid() {
        return Source.GRID.name().equals(source);
    }

    /** When the case was resolved, if it is resolved now; a case closed without RESOLVED counts as resolved when closed. */
    public long resolvedAt() {
        return switch (status()) {
            case OPEN -> 0;
            case RESOLVED -> lastResolvedAt;
            case CLOSED -> lastResolvedAt > lastReopenedAt && lastResolvedAt > 0 ? lastResolvedAt : closedAt;
        };
    }

    static int outcome(CivicEvent e) {
        int o = Boolean.TRUE.equals(e.resolved()) ? RATED_RESOLVED : 0;
        if (e.satisfaction() == Satisfaction.SATISFIED) {
            o |= RATED_SATISFIED;
        } else if (e.satisfaction() == Satisfaction.BASIC) {
            o |= RATED_BASIC;
        }
        return o;
    }

    private void addRating(long t, int outcome) {
        int n = ratingTimes.length;
        ratingTimes = Arrays.copyOf(ratingTimes, n + 1);
        ratingOutcomes = Arrays.copyOf(ratingOutcomes, n + 1);
        ratingTimes[n] = t;
        ratingOutcomes[n] = outcome;
    }

    private static long earliest(long current, long t) {
        return current == 0 ? t : Math.min(current, t);
    }

    static boolean isOpening(CivicEvent e) {
        return e.type() == EventType.CREATED || e.type() == EventType.CHECKED;
    }
}
