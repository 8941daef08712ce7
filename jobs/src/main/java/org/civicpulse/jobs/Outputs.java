package org.civicpulse.jobs;

import org.apache.flink.util.OutputTag;
import org.civicpulse.contract.DeadLetter;

/** The side outputs of the job graph. */
public final class Outputs {
    /** Rejected inputs, each with its reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") { };
    /** Valid events later than the allowed lateness. */
    public static final OutputTag<LateEvent> LATE = new OutputTag<>("late-events") { };

    private Outputs() {
    }
}
