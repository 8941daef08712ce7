package org.civicpulse.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.civicpulse.simulator.Timeline.Entry;

/**
 * Decides, for each valid event of a case, whether it carries a data fault: delays it (late,
 * out of order), changes its street, or adds a faulty line derived from it. Every step draws the
 * same four random numbers whatever the rates, so turning faults on or off never changes the
 * clean events.
 */
final class FaultPlanner {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    /** The latest an out-of-order opening event is sent after it occurred: well within the 6 h lateness. */
    static final long MAX_OUT_OF_ORDER = 5 * HOUR;
    /** Late events up to this are accepted; the long ones start at 6.5 h, beyond the 6 h lateness. */
    static final long MAX_ACCEPTED_LATE = 5 * HOUR;
    static final long MIN_TOO_LATE = 6 * HOUR + 30 * MINUTE;
    static final long MAX_TOO_LATE = 12 * HOUR;

    private final FaultRates rates;

    FaultPlanner(FaultRates rates) {
        this.rates = rates;
    }

    /** The case's lines: its events, faulty or not, and the extra faulty lines. */
    Timeline timeline(PlannedCase pc, long group, long ordinal, SplittableRandom rng, boolean faultFree) {
        int n = pc.steps.size();
        long[] sendAt = new long[n];
        FaultKind[] kind = new FaultKind[n];
        int[] variant = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            sendAt[i] = pc.steps.get(i).occurredAt();
            if (faultFree) {
                continue;
            }
            double u = rng.nextDouble();
            variant[i] = rng.nextInt(1 << 30);
            double branch = rng.nextDouble();
            w[i] = rng.nextDouble();
            kind[i] = pick(u, pc, i);
            if (kind[i] == FaultKind.LATE) {
                sendAt[i] += branch < 0.8
                        ? (long) (2 * MINUTE * StrictMath.pow(MAX_ACCEPTED_LATE / (2.0 * MINUTE), w[i]))
                        : MIN_TOO_LATE + (long) ((MAX_TOO_LATE - MIN_TOO_LATE) * w[i]);
            }
        }
        if (kind.length > 0 && kind[0] == FaultKind.OUT_OF_ORDER) {
            long firstFollowUp = Long.MAX_VALUE;
            for (int i = 1; i < n; i++) {
                firstFollowUp = Math.min(firstFollowUp, sendAt[i]);
            }
            long delayed = firstFollowUp + MINUTE + (long) (59 * MINUTE * w[0]);
            if (delayed - sendAt[0] <= MAX_OUT_OF_ORDER) {
                sendAt[0] = delayed;
            } else {
                kind[0] = null;
            }
        }
        List<Entry> entries = new ArrayList<>(n + 2);
        int seq = 0;
        for (int i = 0; i < n; i++) {
            FaultKind k = kind[i];
            long occurred = pc.steps.get(i).occurredAt();
            if (k == null || k.keepsEventValid()) {
                entries.add(new Entry(sendAt[i], seq++, i, k, variant[i], sendAt[i] - occurred));
                continue;
            }
            entries.add(new Entry(sendAt[i], seq++, i, null, 0, 0));
            switch (k) {
                case EXACT_DUPLICATE -> entries.add(new Entry(
                        sendAt[i] + (long) (10 * StrictMath.pow(HOUR / 10.0, w[i])), seq++, i, k, variant[i], 0));
                case CONFLICTING_DUPLICATE -> entries.add(new Entry(
                        sendAt[i] + (long) (SECOND * StrictMath.pow(3600, w[i])), seq++, i, k, variant[i], 0));
                case ORPHAN_CASE_EVENT -> {
                    long at = occurred + MINUTE + (long) (59 * MINUTE * w[i]);
                    entries.add(new Entry(at, seq++, i, k, variant[i], at));
                }
                default -> entries.add(new Entry(
                        sendAt[i] + (long) (2 * SECOND * w[i]), seq++, i, k, variant[i], 0));
            }
        }
        return new Timeline(pc, group, ordinal, entries.toArray(new Entry[0]));
    }

    private FaultKind pick(double u, PlannedCase pc, int step) {
        double acc = 0;
        for (FaultKind k : FaultKind.values()) {
            if (applies(k, pc, step)) {
                acc += rates.rate(k);
                if (u < acc) {
                    return k;
                }
            }
        }
        return null;
    }

    private static boolean applies(FaultKind kind, PlannedCase pc, int step) {
        return switch (kind) {
            case OUT_OF_ORDER -> step == 0 && pc.caseId != null && pc.steps.size() > 1;
            // An opening event is never merely late: its follow-ups would become orphans; see OUT_OF_ORDER.
            case LATE -> step > 0 || pc.caseId == null;
            case UNKNOWN_STREET -> step == 0 && pc.street != null;
            default -> true;
        };
    }
}
