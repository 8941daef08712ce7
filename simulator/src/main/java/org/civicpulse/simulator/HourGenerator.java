package org.civicpulse.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.CityMap.Place;

/**
 * Generates the timelines of every problem created in one hour, from random streams derived from
 * (seed, hour, source, case): an hour comes out the same whether or not any other was generated.
 */
final class HourGenerator {
    static final long HOUR_MS = 3_600_000;

    private final long seed;
    private final String tag;
    private final CityMap map;
    private final VolumeModel volumes;
    private final CaseFactory cases;
    private final FaultPlanner faults;
    private final ScenarioInjector scenario;

    HourGenerator(long seed, CityMap map, VolumeModel volumes, CaseFactory cases, FaultPlanner faults,
            ScenarioInjector scenario) {
        this.seed = seed;
        this.tag = Ids.seedTag(seed);
        this.map = map;
        this.volumes = volumes;
        this.cases = cases;
        this.faults = faults;
        this.scenario = scenario;
    }

    /**
     * The timelines of the problems created in {@code epochHour}, keeping only those created at or
     * after {@code casesFromMs} and only their lines sent at or after {@code fromMs}.
     */
    List<Timeline> generate(long epochHour, long casesFromMs, long fromMs) {
        long hourStart = epochHour * HOUR_MS;
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(hourStart), ZoneOffset.ofHours(8));
        int hourOfDay = local.getHour();
        String stamp = Ids.hourStamp(epochHour);
        List<Timeline> out = new ArrayList<>();
        List<Place> places = map.allPlaces();
        for (Source source : Source.values()) {
            int[] problems = volumes.plan(source, local.toLocalDate()).hour(hourOfDay);
            for (int i = 0; i < problems.length; i++) {
                int ordinal = i + 1;
                SplittableRandom rng = Seeds.random(seed, Seeds.CASE, epochHour, source.ordinal(), ordinal);
                long t0 = hourStart + rng.nextLong(HOUR_MS);
                if (t0 < casesFromMs) {
                    continue;
                }
                Place place = places.get(problems[i] / 64);
                PlannedCase pc = cases.create(source, place, problems[i] % 64, t0,
                        Ids.caseId(source, tag, stamp, ordinal), rng, -1, null, null);
                Timeline timeline = faults.timeline(pc, group(epochHour, source.ordinal()), ordinal, rng, false);
                if (timeline.dropBefore(fromMs)) {
                    out.add(timeline);
                }
            }
        }
        out.addAll(scenario.generate(epochHour, casesFromMs, fromMs));
        return out;
    }

    /** The timeline group of a stream in an hour: streams 0–2 are the sources, 3 onwards drill items. */
    static long group(long epochHour, int stream) {
        return epochHour * 4096 + stream;
    }
}
