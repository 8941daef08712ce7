package org.civicpulse.simulator;

/** Decides when an emission may be sent: at once, at the wall-clock pace of its event time, or at a fixed rate. */
public interface Throttler {
    /** Sends everything as fast as the sink takes it. */
    Throttler NONE = emission -> true;

    /**
     * Waits until {@code emission} is due.
     *
     * @return false if a stop was requested while waiting (the emission is then not sent)
     */
    boolean await(Emission emission) throws InterruptedException;
}
