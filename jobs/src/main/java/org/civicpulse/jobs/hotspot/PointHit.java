package org.civicpulse.jobs.hotspot;

import java.io.Serializable;

/** Where one new problem of a street happened (its point, SPEC §4), for the alert's points. */
public final class PointHit implements Serializable {
    private static final long serialVersionUID = 1L;
    // Final: a hit never changes once counted, so a copy of the state may share it.
    final long bucketStart;
    final String label;
    final double lat;
    final double lon;
    final boolean located;

    public PointHit(long bucketStart, String label, Double lat, Double lon) {
        this.bucketStart = bucketStart;
        this.label = label;
        this.located = lat != null && lon != null;
        this.lat = located ? lat : 0;
        this.lon = located ? lon : 0;
    }
}
