package org.civicpulse.jobs.hotspot.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores one detector configuration against the injected bursts: a burst is detected when an
 * episode of its unit opens between its start and 30 minutes after its end (the delay is that
 * opening less the start, in event time); an episode that matches no burst of its unit (start to
 * three hours after the end) is a false alert.
 */
final class Scores {
    static final long MATCH_AFTER_END = 30 * 60_000L;
    static final long AFTERMATH = 3 * 3_600_000L;

    private final Map<String, int[]> detected = new TreeMap<>();
    private final Map<String, List<Double>> delays = new TreeMap<>();
    private final Map<String, double[]> baselines = new TreeMap<>();
    long falseAlerts;
    double districtDays;

    void add(List<Burst> bursts, List<DetectorRun.Opened> opened, long evalStart, long evalEnd, int districts) {
        Map<String, List<DetectorRun.Opened>> byUnit = new HashMap<>();
        for (DetectorRun.Opened o : opened) {
            if (o.at() >= evalStart && o.at() < evalEnd) {
                byUnit.computeIfAbsent(o.unit(), k -> new ArrayList<>()).add(o);
            }
        }
        for (Burst b : bursts) {
            DetectorRun.Opened first = null;
            for (DetectorRun.Opened o : byUnit.getOrDefault(b.unit(), List.of())) {
                if (o.at() >= b.startMs() && o.at() <= b.endMs() + MATCH_AFTER_END && (first == null || o.at() < first.at())) {
                    first = o;
                }
            }
            for (String key : List.of(b.size(), b.size() + " " + b.minutes() + "min", "all")) {
                int[] d = detected.computeIfAbsent(key, k -> new int[2]);
                d[1]++;
                double[] base = baselines.computeIfAbsent(key, k -> new double[2]);
                base[0] += b.baseline();
                base[1]++;
                if (first != null) {
                    d[0]++;
                    delays.computeIfAbsent(key, k -> new ArrayList<>()).add((first.at() - b.startMs()) / 60_000.0);
                }
            }
        }
        for (Map.Entry<String, List<DetectorRun.Opened>> u : byUnit.entrySet()) {
            for (DetectorRun.Opened o : u.getValue()) {
                boolean explained = bursts.stream().anyMatch(b -> b.unit().equals(u.getKey())
                        && o.at() >= b.startMs() && o.at() <= b.endMs() + AFTERMATH);
                falseAlerts += explained ? 0 : 1;
            }
        }
        districtDays += districts * (evalEnd - evalStart) / 86_400_000.0;
    }

    double recall(String key) {
        int[] d = detected.get(key);
        return d == null || d[1] == 0 ? Double.NaN : (double) d[0] / d[1];
    }

    int bursts(String key) {
        int[] d = detected.get(key);
        return d == null ? 0 : d[1];
    }

    /** Mean usual count of the unit in the burst's window. */
    double baseline(String key) {
        double[] b = baselines.get(key);
        return b == null || b[1] == 0 ? Double.NaN : b[0] / b[1];
    }

    double medianDelay(String key) {
        return median(delays.getOrDefault(key, List.of()));
    }

    /** The median of {@code values} (not changed), NaN for none. */
    static double median(List<Double> values) {
        List<Double> d = new ArrayList<>(values);
        if (d.isEmpty()) {
            return Double.NaN;
        }
        d.sort(Double::compare);
        int n = d.size();
        return n % 2 == 1 ? d.get(n / 2) : (d.get(n / 2 - 1) + d.get(n / 2)) / 2;
    }

    double falseAlertsPerDistrictDay() {
        return districtDays == 0 ? Double.NaN : falseAlerts / districtDays;
    }
}
