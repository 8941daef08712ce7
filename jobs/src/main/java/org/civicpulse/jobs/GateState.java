package org.civicpulse.jobs;

/**
 * What the case gate keeps of one case, in one keyed value (one look-up per event instead of
 * one per field): its place once the opening event has come, its latest event time, the time of
 * its earliest {@code CLOSED} and its pending retention timer. A Flink POJO.
 */
public class GateState {
    /** Not closed / no timer. */
    static final long NONE = Long.MIN_VALUE;

    /** Null until the opening event has come. */
    public CasePlace place;
    /** The latest event time seen (epoch ms). */
    public long lastEventTime = NONE;
    /** The earliest {@code CLOSED}'s event time, or {@link #NONE}. */
    public long closedAt = NONE;
    /** The pending retention timer's time, or {@link #NONE}. */
    public long retentionTimerAt = NONE;

    public GateState() {
    }
}
