package org.civicpulse.jobs.hotspot.eval;

import java.util.List;
import java.util.Locale;

/**
 * The oracle bound of one seed for the "3× for 30 minutes" goal ({@link OracleBound}), from the
 * harness's own unit rates: the busy units' usual HOTLINE rate from 09:00 to 17:00 in the history
 * days, and every unit seen in them as a unit the detector must test.
 */
record OracleRow(String label, long seed, int units, int busy, double meanUsual, double alpha, double nbRecall,
                 double dayRecall, double busyAlpha, double busyNbRecall, double busyDayRecall) {
    static final double BUDGET = 0.5;
    static final double MULTIPLIER = 3;
    static final int MINUTES = 30;
    /** 30-minute windows in a day: every unit is tested this often. */
    static final int WINDOWS_PER_DAY = 24 * 60 / MINUTES;
    /** 30-minute windows a burst can cover from 09:00 to 16:30, where the multiplied bursts start. */
    static final int BURST_WINDOWS_PER_DAY = 15;

    static OracleRow of(String label, long seed, BurstPlan plan, int historyDays, int districts) {
        List<String> busy = plan.busy();
        List<Double> mus = busy.stream().map(u -> plan.daytimePerHour(u, historyDays) * MINUTES / 60).toList();
        double alpha = OracleBound.alpha(BUDGET, districts, plan.unitsSeen(), WINDOWS_PER_DAY);
        // Generous: the whole budget spent on the busy units' windows where bursts happen.
        double busyAlpha = OracleBound.alpha(BUDGET, districts, busy.size(), BURST_WINDOWS_PER_DAY);
        double size = OracleBound.SIZE;
        return new OracleRow(label, seed, plan.unitsSeen(), busy.size(),
                mus.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), alpha,
                OracleBound.nbRecall(mus, size, MULTIPLIER, alpha), OracleBound.dayRecall(mus, size, MULTIPLIER, alpha),
                busyAlpha, OracleBound.nbRecall(mus, size, MULTIPLIER, busyAlpha),
                OracleBound.dayRecall(mus, size, MULTIPLIER, busyAlpha));
    }

    static void table(List<OracleRow> rows) {
        System.out.println("### Oracle bound for 3x bursts of 30 min\n");
        System.out.println("| seeds | seed | units tested | busy units | usual count in 30 min (mean) | α: budget over every "
                + "unit × 30 min | NB oracle recall | day-level oracle recall | α: budget on busy units 09:00–16:30 only "
                + "| NB oracle recall | day-level oracle recall |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (OracleRow r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2g | %.1f%% | %.1f%% | %.2g | %.1f%% | %.1f%% |%n",
                    r.label, r.seed, r.units, r.busy, r.meanUsual, r.alpha, 100 * r.nbRecall, 100 * r.dayRecall,
                    r.busyAlpha, 100 * r.busyNbRecall, 100 * r.busyDayRecall);
        }
        System.out.println();
    }
}
