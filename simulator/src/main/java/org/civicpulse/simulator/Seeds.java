package org.civicpulse.simulator;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the run's seed and a path such as (hour, source,
 * case), so any part of the simulation can be generated alone and still come out the same.
 */
final class Seeds {
    /** Stream numbers: one per kind of draw, so adding one kind never shifts another. */
    static final long CITY_STREETS = 1;
    static final long CITY_POINTS = 2;
    static final long DISTRICT_QUALITY = 3;
    static final long UNIT_QUALITY = 4;
    static final long DAY_PLAN = 10;
    static final long CASE = 11;
    static final long SCENARIO_PLAN = 20;
    static final long SCENARIO_HOUR = 21;
    static final long SCENARIO_CASE = 22;

    private Seeds() {
    }

    /** A random generator for the path below {@code seed}. */
    static SplittableRandom random(long seed, long... path) {
        return new SplittableRandom(derive(seed, path));
    }

    /** A 64-bit value that depends on every element of the path and its order. */
    static long derive(long seed, long... path) {
        long h = mix(seed ^ 0x6a09e667f3bcc909L);
        for (long p : path) {
            h = mix(h ^ mix(p + 0x9e3779b97f4a7c15L));
        }
        return h;
    }

    /** The SplitMix64 finaliser: a bijection that scatters nearby inputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
