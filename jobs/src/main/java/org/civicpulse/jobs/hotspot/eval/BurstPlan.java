package org.civicpulse.jobs.hotspot.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.Scenario;

/**
 * Chooses the evaluation's bursts from what the history days showed: multiplied bursts (1.5× … 5×
 * the unit's normal HOTLINE rate) on the busiest hotline units, where a multiple means something,
 * and fixed extra cases (+5, +10, +20) on quiet units (a few problems a week to a few a day).
 */
final class BurstPlan {
    static final double[] MULTIPLIERS = {1.5, 2, 3, 5};
    static final int[] EXTRAS = {5, 10, 20};
    static final int[] MINUTES = {30, 60, 120};
    static final int BUSY_UNITS = 150;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** What the history days showed of one unit. */
    private static final class Seen {
        long all;
        long hotline;
        long hotlineDaytime;
    }

    private final Map<String, Seen> seen = new HashMap<>();
    private final Map<String, String[]> places = new HashMap<>();

    /** Learns one history problem. */
    void observe(CivicEvent e, int hourOfDay) {
        String unit = Units.of(e.district(), e.street(), e.category());
        places.putIfAbsent(unit, new String[] {e.district(), e.street(), e.category()});
        Seen s = seen.computeIfAbsent(unit, k -> new Seen());
        s.all++;
        if (e.source() == Source.HOTLINE) {
            s.hotline++;
            if (hourOfDay >= 9 && hourOfDay < 17) {
                s.hotlineDaytime++;
            }
        }
    }

    /**
     * {@code perType} bursts of every size and duration over the days [firstDay, lastDay) after
     * {@code t0}, no two on one unit on the same day. {@code historyDays} scales the rates.
     */
    List<Burst> plan(Random rng, long t0, int firstDay, int lastDay, int perType, int historyDays) {
        List<String> busy = busy();
        List<String> quiet = seen.entrySet().stream()
                .filter(e -> e.getValue().all >= 3 && e.getValue().all <= 3L * historyDays)
                .map(Map.Entry::getKey).sorted().toList();
        Set<String> used = new HashSet<>();
        List<Burst> bursts = new ArrayList<>();
        for (int minutes : MINUTES) {
            for (double m : MULTIPLIERS) {
                for (int i = 0; i < perType; i++) {
                    Slot slot = pick(rng, busy, used, t0, firstDay, lastDay);
                    double perHour = daytimePerHour(slot.unit(), historyDays);
                    bursts.add(burst(m + "x", slot.unit(), slot.startBetween(rng, 9, 16), minutes, m, null,
                            perHour * minutes / 60));
                }
            }
            for (int extra : EXTRAS) {
                for (int i = 0; i < perType; i++) {
                    Slot slot = pick(rng, quiet, used, t0, firstDay, lastDay);
                    double perHour = seen.get(slot.unit()).all / (24.0 * historyDays);
                    bursts.add(burst("+" + extra, slot.unit(), slot.startBetween(rng, 8, 19), minutes, null, extra,
                            perHour * minutes / 60));
                }
            }
        }
        return bursts;
    }

    /** The busiest hotline units (mostly hotline), where the multiplied bursts go. */
    List<String> busy() {
        return seen.entrySet().stream()
                .filter(e -> e.getValue().hotline >= 0.8 * e.getValue().all)
                .sorted((a, b) -> Long.compare(b.getValue().hotlineDaytime, a.getValue().hotlineDaytime))
                .limit(BUSY_UNITS).map(Map.Entry::getKey).sorted().toList();
    }

    /** A unit's usual HOTLINE problems per hour from 09:00 to 17:00 over the history days. */
    double daytimePerHour(String unit, int historyDays) {
        return seen.get(unit).hotlineDaytime / (8.0 * historyDays);
    }

    /** Units with at least one problem in the history days. */
    int unitsSeen() {
        return seen.size();
    }

    /** A unit on a day. */
    private record Slot(String unit, long dayStart) {
        long startBetween(Random rng, int fromHour, int toHour) {
            return dayStart + (fromHour * 60L + rng.nextInt((toHour - fromHour) * 60)) * 60_000L;
        }
    }

    private static Slot pick(Random rng, List<String> units, Set<String> used, long t0, int firstDay, int lastDay) {
        while (true) {
            String unit = units.get(rng.nextInt(units.size()));
            int day = firstDay + rng.nextInt(lastDay - firstDay);
            if (used.add(unit + "@" + day)) {
                return new Slot(unit, t0 + day * DAY);
            }
        }
    }

    private Burst burst(String size, String unit, long start, int minutes, Double m, Integer extra, double baseline) {
        String[] p = places.get(unit);
        return new Burst(size.replace(".0x", "x"), p[0], p[1], p[2], Instant.ofEpochMilli(start), minutes, m, extra,
                baseline);
    }

    /** The bursts as a drill scenario for the simulator (HOTLINE problems on the whole street). */
    static Scenario scenario(List<Burst> bursts) {
        List<Scenario.Hotspot> hotspots = new ArrayList<>();
        for (int i = 0; i < bursts.size(); i++) {
            Burst b = bursts.get(i);
            hotspots.add(new Scenario.Hotspot("burst-" + i, b.district(), b.street(), null, b.category(),
                    Source.HOTLINE, b.start(), b.minutes(), b.multiplier(), b.extra()));
        }
        return new Scenario("evaluation", hotspots, List.of());
    }
}
