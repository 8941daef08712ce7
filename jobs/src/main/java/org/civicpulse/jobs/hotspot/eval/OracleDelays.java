package org.civicpulse.jobs.hotspot.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The oracle's delays of one seed ({@link OracleBound#delayMinutes}) for the bursts of added cases —
 * the bursts any detector finds at this budget — by kind and over all of them, so the detector's
 * median delay can be read against what an oracle needs on the same bursts.
 */
record OracleDelays(String label, long seed, double alpha, Map<String, List<Double>> byKind) {

    static OracleDelays of(String label, long seed, List<Burst> bursts, double alpha) {
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        for (Burst b : bursts) {
            if (b.extra() == null) {
                continue;
            }
            byKind.computeIfAbsent(b.size() + " " + b.minutes() + "min", k -> new ArrayList<>())
                    .add(OracleBound.delayMinutes(b.baseline(), b.extra(), b.minutes(), OracleBound.SIZE, alpha));
        }
        return new OracleDelays(label, seed, alpha, byKind);
    }

    /** The median of the delays the oracle reaches (NaN: never) and how many it reaches. */
    static double[] median(List<Double> delays) {
        List<Double> reached = delays.stream().filter(d -> !d.isNaN()).toList();
        return new double[] {Scores.median(reached), reached.size()};
    }

    static void table(List<OracleDelays> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> kinds = new ArrayList<>(rows.get(0).byKind.keySet());
        System.out.println("### Oracle estimate of the detection delay of added cases "
                + "(minutes after the burst's start)\n");
        StringBuilder head = new StringBuilder("| seeds | seed | α |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (String k : kinds) {
            head.append(' ').append(k).append(" |");
            rule.append("---|");
        }
        System.out.println(head.append(" all added bursts: median |"));
        System.out.println(rule.append("---|"));
        for (OracleDelays r : rows) {
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "| %s | %d | %.2g |", r.label, r.seed, r.alpha));
            List<Double> all = new ArrayList<>();
            for (String k : kinds) {
                List<Double> d = r.byKind.getOrDefault(k, List.of());
                all.addAll(d);
                line.append(' ').append(format(median(d), d.size())).append(" |");
            }
            System.out.println(line.append(' ').append(format(median(all), all.size())).append(" |"));
        }
        System.out.println("\n(cells: median delay over the bursts the oracle detects, "
                + "and how many of them it detects)\n");
    }

    private static String format(double[] median, int of) {
        return Double.isNaN(median[0]) ? "– (0/" + of + ")"
                : String.format(Locale.ROOT, "%.1f (%d/%d)", median[0], (int) median[1], of);
    }
}
