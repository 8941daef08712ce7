package org.civicpulse.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.civicpulse.contract.Catalogue.Category;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.CityMap.Place;
import org.civicpulse.simulator.Scenario.Hotspot;
import org.civicpulse.simulator.Scenario.Incident;

/**
 * Adds a drill's hotspots and incidents to the hours they cover. Injected cases have their own
 * random streams, so the normal stream is the same with or without a drill, and they carry no
 * data faults, so the ground truth is exact.
 */
final class ScenarioInjector {
    /** One drill item, resolved against the map. */
    static final class Item {
        final int index;
        final String label;
        final String id;
        final String kind;
        final Source source;
        final String district;
        final Place street;
        final List<Place> places;
        final WeightedChoice placeChoice;
        final Point point;
        final int category;
        final String categoryCode;
        final long start;
        final long end;
        final Double multiplier;
        final Integer extraCount;
        final String unit;
        final boolean frontLoaded;
        private long[] times;

        Item(int index, String label, String id, String kind, Source source, String district, Place street,
                List<Place> places, WeightedChoice placeChoice, Point point, int category, String categoryCode,
                Instant start, Instant end, Double multiplier, Integer extraCount, String unit, boolean frontLoaded) {
            this.index = index;
            this.label = label;
            this.id = id;
            this.kind = kind;
            this.source = source;
            this.district = district;
            this.street = street;
            this.places = places;
            this.placeChoice = placeChoice;
            this.point = point;
            this.category = category;
            this.categoryCode = categoryCode;
            this.start = start.toEpochMilli();
            this.end = end.toEpochMilli();
            this.multiplier = multiplier;
            this.extraCount = extraCount;
            this.unit = unit;
            this.frontLoaded = frontLoaded;
        }
    }

    private final long seed;
    private final String tag;
    private final CityMap map;
    private final VolumeModel volumes;
    private final CaseFactory cases;
    private final FaultPlanner faults;
    private final List<Item> items = new ArrayList<>();

    ScenarioInjector(Scenario scenario, long seed, CityMap map, List<Category> categories, VolumeModel volumes,
            CaseFactory cases, FaultPlanner faults) {
        this.seed = seed;
        this.tag = Ids.seedTag(seed);
        this.map = map;
        this.volumes = volumes;
        this.cases = cases;
        this.faults = faults;
        for (int i = 0; i < scenario.hotspots().size(); i++) {
            Hotspot h = scenario.hotspots().get(i);
            Place place = requirePlace(h.district(), h.street(), h.id());
            Point point = h.point() == null ? null : map.pointNamed(place, h.point());
            items.add(new Item(items.size(), "hotspots[" + i + "]", h.id(), "HOTSPOT", h.source(), h.district(),
                    place, List.of(place), null, point, categoryIndex(categories, h.category()), h.category(),
                    h.start(), h.end(), h.multiplier(), h.extraCount(), null, false));
        }
        for (int i = 0; i < scenario.incidents().size(); i++) {
            Incident inc = scenario.incidents().get(i);
            int d = map.districtIndex(inc.district());
            Place place = inc.street() == null ? null : requirePlace(inc.district(), inc.street(), inc.id());
            List<Place> places = place != null ? List.of(place) : map.places(d);
            WeightedChoice choice = place != null ? null : map.streetChoice(d);
            items.add(new Item(items.size(), "incidents[" + i + "]", inc.id(), inc.kind(), inc.source(),
                    inc.district(), place, places, choice, null, categoryIndex(categories, inc.category()),
                    inc.category(), inc.start(), inc.end(), null, inc.extraCount(), inc.unit(), true));
        }
    }

    List<Item> items() {
        return items;
    }

    /** The injected timelines of problems created in {@code epochHour}. */
    List<Timeline> generate(long epochHour, long casesFromMs, long fromMs) {
        if (items.isEmpty()) {
            return List.of();
        }
        long hourStart = epochHour * HourGenerator.HOUR_MS;
        long hourEnd = hourStart + HourGenerator.HOUR_MS;
        List<Timeline> out = new ArrayList<>();
        for (Item item : items) {
            if (item.end <= hourStart || item.start >= hourEnd) {
                continue;
            }
            long[] times = item.extraCount != null
                    ? plannedTimes(item, hourStart, hourEnd)
                    : multipliedTimes(item, epochHour, Math.max(item.start, hourStart), Math.min(item.end, hourEnd));
            String stamp = Ids.hourStamp(epochHour);
            for (int k = 0; k < times.length; k++) {
                long t0 = times[k];
                if (t0 < casesFromMs) {
                    continue;
                }
                SplittableRandom rng = Seeds.random(seed, Seeds.SCENARIO_CASE, item.index, epochHour, k);
                Place place = item.placeChoice != null
                        ? item.places.get(item.placeChoice.pick(rng)) : item.places.get(0);
                String idBase = Ids.injectedId(item.source, tag, stamp, item.index + 1, k + 1);
                PlannedCase pc = cases.create(item.source, place, item.category, t0, idBase, rng, item.index,
                        item.point, item.unit);
                Timeline timeline = faults.timeline(pc, HourGenerator.group(epochHour, 3 + item.index), k, rng, true);
                if (timeline.dropBefore(fromMs)) {
                    out.add(timeline);
                }
            }
        }
        return out;
    }

    /** The item's fixed extra problems that fall in this hour (all of them are drawn once, for the whole window). */
    private long[] plannedTimes(Item item, long hourStart, long hourEnd) {
        synchronized (item) {
            if (item.times == null) {
                SplittableRandom rng = Seeds.random(seed, Seeds.SCENARIO_PLAN, item.index);
                long[] times = new long[item.extraCount];
                double span = item.end - item.start;
                for (int k = 0; k < times.length; k++) {
                    double u = rng.nextDouble();
                    // Front-loaded: a truncated exponential with a third of the window as its mean life.
                    double f = item.frontLoaded ? -StrictMath.log(1 - u * (1 - StrictMath.exp(-3))) / 3 : u;
                    times[k] = item.start + Math.min((long) (f * span), (long) span - 1);
                }
                Arrays.sort(times);
                item.times = times;
            }
        }
        return Arrays.stream(item.times).filter(t -> t >= hourStart && t < hourEnd).toArray();
    }

    /**
     * Extra problems in [from, to) at (multiplier − 1) times the street's normal rate of the
     * category; a point hotspot concentrates them all at its point (the street × category surge
     * that SPEC §5 detects, located where the cases pile up).
     */
    private long[] multipliedTimes(Item item, long epochHour, long from, long to) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochHour * HourGenerator.HOUR_MS),
                ZoneOffset.ofHours(8));
        double normal = volumes.expectedHour(item.source, local.toLocalDate(), item.street, item.category,
                local.getHour());
        double mean = (item.multiplier - 1) * normal * (to - from) / HourGenerator.HOUR_MS;
        SplittableRandom rng = Seeds.random(seed, Seeds.SCENARIO_HOUR, item.index, epochHour);
        int n = Draws.poisson(rng, mean);
        long[] times = new long[n];
        for (int k = 0; k < n; k++) {
            times[k] = from + (long) ((to - from) * rng.nextDouble());
        }
        Arrays.sort(times);
        return times;
    }

    private Place requirePlace(String district, String street, String item) {
        Place place = map.place(district, street);
        if (place == null) {
            throw new IllegalArgumentException(item + ": " + street + " is not a street of district " + district);
        }
        return place;
    }

    private static int categoryIndex(List<Category> categories, String code) {
        for (int c = 0; c < categories.size(); c++) {
            if (categories.get(c).code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown category " + code);
    }
}
