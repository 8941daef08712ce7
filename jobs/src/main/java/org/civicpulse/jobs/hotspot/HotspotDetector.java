package org.civicpulse.jobs.hotspot;

import java.io.Serializable;

/** A detector of a rise in one unit's counts: a score per closed bucket, an alarm at a threshold. */
public interface HotspotDetector extends Serializable {
    /**
     * The score after the bucket just pushed onto {@code history} (ago 0), whose expected count
     * was {@code expected}; may update {@code history.statistic}.
     */
    double score(CountHistory history, double expected);

    /** Forgets the running statistic when an episode closes, so it does not re-open at once. */
    default void reset(CountHistory history) {
        history.statistic = 0;
    }
}
