package org.civicpulse.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Source;
import org.civicpulse.contract.TimeLimits;
import org.civicpulse.simulator.PlannedCase.Step;
import org.civicpulse.simulator.RatingModel.Rating;

/**
 * Draws the steps of a case against the time limits of SPEC §4: CREATED → DISPATCHED → RESPONDED
 * → RESOLVED → (RATED, HOTLINE only) → CLOSED, sometimes with REOPENED and a second resolution.
 * Delays are log-normal fractions of the limit: most cases are on time, a configured share late.
 */
final class LifecyclePlanner {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** No case's last step lies further than this after its creation (so a range can be started anywhere). */
    static final Duration MAX_CASE_SPAN = Duration.ofDays(27);

    private final double responseLateShare;
    private final double resolutionLateShare;
    private final double reopenShare;
    private final double leftOpenShare;

    LifecyclePlanner(SimulatorConfig config) {
        this.responseLateShare = config.responseLateShare();
        this.resolutionLateShare = config.resolutionLateShare();
        this.reopenShare = config.reopenShare();
        this.leftOpenShare = config.leftOpenShare();
    }

    /**
     * The steps of a case opened at {@code t0} by {@code opening} (CREATED, or CHECKED for a failed
     * spot check that opens a case).
     *
     * @param quality the district's and unit's offset to the rating
     */
    List<Step> plan(Source source, EventType opening, long t0, boolean urgent, String urgencyDefault,
            double quality, SplittableRandom rng) {
        List<Step> steps = new ArrayList<>(8);
        steps.add(new Step(opening, t0, null, null));
        long response = TimeLimits.responseLimit(urgent).toMillis();
        long resolution = TimeLimits.resolutionLimit(urgent, urgencyDefault).toMillis();

        long dispatched = t0 + dispatchDelay(source, rng);
        steps.add(new Step(EventType.DISPATCHED, dispatched, null, null));

        long responded;
        if (Draws.chance(rng, responseLateShare)) {
            responded = t0 + late(response, rng);
        } else {
            responded = onTime(t0, response, responseMedian(source, urgent), dispatched + MINUTE, rng);
        }
        responded = Math.max(responded, dispatched + MINUTE);
        steps.add(new Step(EventType.RESPONDED, responded, null, null));
        if (Draws.chance(rng, leftOpenShare)) {
            return steps;
        }

        long lower = responded + 5 * MINUTE;
        long resolved;
        if (Draws.chance(rng, resolutionLateShare) || lower > t0 + resolution * 98 / 100) {
            resolved = Math.max(lower, t0 + late(resolution, rng));
        } else {
            resolved = onTime(t0, resolution, resolutionMedian(source, resolution), lower, rng);
        }
        boolean lateResolution = resolved > t0 + resolution;
        steps.add(new Step(EventType.RESOLVED, resolved, null, null));

        boolean reopen = Draws.chance(rng, reopenShare);
        long last = resolved;
        if (source == Source.HOTLINE) {
            long rated = callback(resolved + (long) Draws.logNormal(rng, 20 * HOUR, 0.7, HOUR, 3 * DAY), rng);
            Rating first = RatingModel.rate(rng, quality, lateResolution, reopen);
            steps.add(new Step(EventType.RATED, rated, first.resolved(), first.satisfaction()));
            last = rated;
            if (reopen) {
                long reopened = rated + (long) Draws.logNormal(rng, 3 * HOUR, 0.8, 10 * MINUTE, DAY);
                long again = reopened + (long) Draws.logNormal(rng, DAY, 0.8, HOUR, 3 * DAY);
                long ratedAgain = callback(again + (long) Draws.logNormal(rng, 20 * HOUR, 0.7, HOUR, 3 * DAY), rng);
                Rating second = RatingModel.rate(rng, quality, true, false);
                steps.add(new Step(EventType.REOPENED, reopened, null, null));
                steps.add(new Step(EventType.RESOLVED, again, null, null));
                steps.add(new Step(EventType.RATED, ratedAgain, second.resolved(), second.satisfaction()));
                last = ratedAgain;
            }
            last += (long) Draws.logNormal(rng, 2 * HOUR, 0.8, 5 * MINUTE, DAY);
        } else {
            if (reopen) {
                long reopened = resolved + (long) Draws.logNormal(rng, 4 * HOUR, 0.8, 10 * MINUTE, DAY);
                long again = reopened + (long) Draws.logNormal(rng, 6 * HOUR, 0.8, 30 * MINUTE, 3 * DAY);
                steps.add(new Step(EventType.REOPENED, reopened, null, null));
                steps.add(new Step(EventType.RESOLVED, again, null, null));
                last = again;
            }
            // The re-check (复查) before the case is closed (销账).
            last += source == Source.GRID
                    ? (long) Draws.logNormal(rng, 3 * HOUR, 0.8, 10 * MINUTE, 2 * DAY)
                    : (long) Draws.logNormal(rng, DAY, 0.6, HOUR, 3 * DAY);
        }
        steps.add(new Step(EventType.CLOSED, last, null, null));
        if (last - t0 > MAX_CASE_SPAN.toMillis()) {
            throw new IllegalStateException("Case spans " + Duration.ofMillis(last - t0) + ", beyond " + MAX_CASE_SPAN);
        }
        return steps;
    }

    private static long dispatchDelay(Source source, SplittableRandom rng) {
        return (long) switch (source) {
            // An operator takes about 6 minutes from answering to dispatching (volumes.md §2).
            case HOTLINE -> Draws.logNormal(rng, 6 * MINUTE, 0.6, 30_000, 90 * MINUTE);
            // Grid reports are dispatched automatically by the platform.
            case GRID -> Draws.logNormal(rng, 2 * MINUTE, 0.7, 10_000, HOUR);
            // A failed check is filed (立案) and assigned to the street.
            case INSPECTION -> Draws.logNormal(rng, 30 * MINUTE, 0.7, 2 * MINUTE, 4 * HOUR);
        };
    }

    private static double responseMedian(Source source, boolean urgent) {
        return switch (source) {
            case HOTLINE -> urgent ? 0.25 : 0.10;
            case GRID -> 0.05;
            case INSPECTION -> 0.10;
        };
    }

    private static double resolutionMedian(Source source, long limit) {
        boolean urgentLimit = limit <= Duration.ofHours(2).toMillis();
        boolean dayLimit = limit <= Duration.ofHours(24).toMillis();
        return switch (source) {
            case HOTLINE -> urgentLimit ? 0.5 : dayLimit ? 0.35 : 0.2;
            // Most grid finds are quick fixes, done within hours.
            case GRID -> urgentLimit ? 0.4 : dayLimit ? 0.25 : 0.03;
            case INSPECTION -> urgentLimit ? 0.5 : dayLimit ? 0.3 : 0.15;
        };
    }

    /**
     * A time within the limit: a log-normal fraction of it, redrawn until it falls between
     * {@code lower} and 98 % of the limit, so on-time cases do not pile up at the deadline.
     */
    private static long onTime(long t0, long limit, double median, long lower, SplittableRandom rng) {
        long upper = t0 + limit * 98 / 100;
        if (lower >= upper) {
            return lower;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            long t = t0 + (long) (limit * Draws.logNormal(rng, median, 0.9));
            if (t >= lower && t <= upper) {
                return t;
            }
        }
        return lower + (long) ((upper - lower) * rng.nextDouble());
    }

    /** A time past the limit: up to twice the limit, most of them shortly after it. */
    private static long late(long limit, SplittableRandom rng) {
        return limit + (long) (limit * Draws.logNormal(rng, 0.15, 0.8, 0.01, 1.0));
    }

    /** Return visits (回访) are made 09:00–21:00 Beijing time; a later time moves to the next morning. */
    static long callback(long t, SplittableRandom rng) {
        long local = t + 8 * HOUR;
        long dayStart = Math.floorDiv(local, DAY) * DAY;
        long hour = (local - dayStart) / HOUR;
        long jitter = (long) (2 * HOUR * rng.nextDouble());
        if (hour < 9) {
            return dayStart + 9 * HOUR + jitter - 8 * HOUR;
        }
        if (hour >= 21) {
            return dayStart + DAY + 9 * HOUR + jitter - 8 * HOUR;
        }
        return t;
    }
}
