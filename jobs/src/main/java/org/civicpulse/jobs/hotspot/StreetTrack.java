package org.civicpulse.jobs.hotspot;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicpulse.contract.Alert;

/**
 * One street of a district × category: its counts not yet judged, its recent history, its share
 * of the district's volume, where its recent problems happened, and its current or last episode.
 */
final class StreetTrack implements Serializable {
    private static final long serialVersionUID = 1L;
    /** An alert names at most this many points, each with at least two cases. */
    static final int MAX_POINTS = 5;
    static final int MAX_HITS = 2000;

    String street;
    String streetCode;
    TreeMap<Long, Integer> pending = new TreeMap<>();
    CountHistory history = new CountHistory();
    /** The street's learned counts, decayed like the district's, for its share. */
    double decayedCount;
    ArrayList<PointHit> hits = new ArrayList<>();
    Episode episode;
    long cooldownUntil = Long.MIN_VALUE;

    /** For HotspotStateCodec. */
    StreetTrack() {
    }

    StreetTrack(String street, String streetCode) {
        this.street = street;
        this.streetCode = streetCode;
    }

    void count(long bucketStart, PointHit hit) {
        pending.merge(bucketStart, 1, Integer::sum);
        if (hit == null) {
            return;
        }
        if (hits.size() < MAX_HITS) {
            hits.add(hit);
            return;
        }
        // Full (a backfill counted before any bucket was judged and pruned): the oldest hit
        // gives way, so an alert names where the cases are now, not where they were first.
        int oldest = 0;
        for (int i = 1; i < hits.size(); i++) {
            if (hits.get(i).bucketStart < hits.get(oldest).bucketStart) {
                oldest = i;
            }
        }
        if (hits.get(oldest).bucketStart < hit.bucketStart) {
            hits.set(oldest, hit);
        }
    }

    /** The count of the bucket starting at {@code bucketStart}, with any late ones from before it. */
    int take(long bucketStart) {
        int n = 0;
        while (!pending.isEmpty() && pending.firstKey() <= bucketStart) {
            n += pending.pollFirstEntry().getValue();
        }
        return n;
    }

    boolean active() {
        return episode != null && episode.active();
    }

    /** Drops hits older than the window, or than the open episode's start less the window. */
    void pruneHits(long keepFrom) {
        hits.removeIf(h -> h.bucketStart < keepFrom);
    }

    /**
     * Points with at least two of the kept hits in buckets before {@code before}, most cases first
     * (hits of buckets not judged yet, read ahead of event time, wait for their bucket).
     */
    List<Alert.AlertPoint> points(long before) {
        Map<String, double[]> byLabel = new LinkedHashMap<>();
        for (PointHit h : hits) {
            if (h.bucketStart >= before) {
                continue;
            }
            double[] a = byLabel.computeIfAbsent(h.label, k -> new double[4]);
            a[0]++;
            if (h.located) {
                a[1] += h.lat;
                a[2] += h.lon;
                a[3]++;
            }
        }
        List<Alert.AlertPoint> out = new ArrayList<>();
        byLabel.forEach((label, a) -> {
            if (a[0] >= 2) {
                Double lat = a[3] > 0 ? round(a[1] / a[3]) : null;
                Double lon = a[3] > 0 ? round(a[2] / a[3]) : null;
                out.add(new Alert.AlertPoint(label, lon, lat, (long) a[0]));
            }
        });
        out.sort(Comparator.comparingLong(Alert.AlertPoint::count).reversed()
                .thenComparing(Alert.AlertPoint::label));
        return out.size() > MAX_POINTS ? List.copyOf(out.subList(0, MAX_POINTS)) : out;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
