package org.civicpulse.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.CityMap.Place;

/**
 * How many problems each source reports, where and when, day by day: the day's volume (configured
 * level × scale × day-of-week factor), split over districts by population with a gamma-distributed
 * (day, district) level, over streets by activity and over categories by the day's mix with a
 * gamma-distributed (day, street, category) share, each count then drawn from a Poisson: a
 * gamma-Poisson (negative binomial) mixture at both levels. The counts are spread over the hours.
 */
final class VolumeModel {
    /** Gamma shape of the (day, district) level: a coefficient of variation of 10 %. */
    static final double DISTRICT_SHAPE = 100;
    /** Gamma shape of the (day, street, category) share of its district: counts clump, as real ones do. */
    static final double CELL_SHAPE = 2.5;

    /** The problems of one source on one day: for each hour, (place, category) pairs. */
    static final class DayPlan {
        private final int[][] hours;

        DayPlan(int[][] hours) {
            this.hours = hours;
        }

        /** The problems of hour {@code h}, each packed as {@code placeIndex * 64 + categoryIndex}. */
        int[] hour(int h) {
            return hours[h];
        }

    }

    private final CityMap map;
    private final CategoryMix mix;
    private final long seed;
    private final Map<Source, Double> perDay = new java.util.EnumMap<>(Source.class);
    private final Map<Source, double[]> districtShares = new java.util.EnumMap<>(Source.class);
    private final Map<String, DayPlan> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DayPlan> eldest) {
            return size() > 9;
        }
    };

    VolumeModel(CityMap map, CategoryMix mix, SimulatorConfig config) {
        this.map = map;
        this.mix = mix;
        this.seed = config.seed();
        double grid = config.gridPerDay() != null ? config.gridPerDay() : map.defaultGridPerDay();
        perDay.put(Source.HOTLINE, config.hotlinePerDay() * config.scale());
        perDay.put(Source.GRID, grid * config.scale());
        perDay.put(Source.INSPECTION, config.inspectionsPerDay() * config.scale());
        for (Source source : Source.values()) {
            districtShares.put(source, normalised(map.districtWeights(source)));
        }
    }

    /** The average day's volume of this source, scale applied. */
    double perDay(Source source) {
        return perDay.get(source);
    }

    /** The expected volume of this source on this day. */
    double expectedDay(Source source, LocalDate day) {
        return perDay(source) * Rhythm.weekdayFactor(source, day.getDayOfWeek());
    }

    /** The expected number of problems of category {@code c} on {@code place} in hour {@code h} (no noise). */
    double expectedHour(Source source, LocalDate day, Place place, int c, int h) {
        double[] w = mix.weights(source, day);
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        if (!(sum > 0) || w[c] == 0) {
            return 0;
        }
        double hourShare = mix.hourChoices(source, day)[c].probability(h);
        return expectedDay(source, day) * districtShares.get(source)[place.districtIndex]
                * map.streetShare(place.districtIndex, indexInDistrict(place)) * (w[c] / sum) * hourShare;
    }

    /** The day's problems of one source; computed once and kept for a few days. */
    DayPlan plan(Source source, LocalDate day) {
        String key = source + "|" + day;
        synchronized (cache) {
            DayPlan plan = cache.get(key);
            if (plan == null) {
                plan = draw(source, day);
                cache.put(key, plan);
            }
            return plan;
        }
    }

    private DayPlan draw(Source source, LocalDate day) {
        SplittableRandom rng = Seeds.random(seed, Seeds.DAY_PLAN, day.toEpochDay(), source.ordinal());
        double expected = expectedDay(source, day);
        double[] shares = districtShares.get(source);
        double[] level = new double[shares.length];
        double norm = 0;
        for (int d = 0; d < shares.length; d++) {
            level[d] = Draws.unitGamma(rng, DISTRICT_SHAPE);
            norm += shares[d] * level[d];
        }
        double[] w = normalised(mix.weights(source, day));
        WeightedChoice[] hourChoices = mix.hourChoices(source, day);
        List<List<Integer>> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hours.add(new ArrayList<>());
        }
        for (int d = 0; d < shares.length; d++) {
            // Normalising the district levels keeps the city's total at the configured level.
            double districtVolume = expected * shares[d] * level[d] / norm;
            List<Place> places = map.places(d);
            // Each (street, category) cell gets a gamma-distributed share of the district's level:
            // counts clump by cell, while the district's (and the city's) total stays as drawn.
            double[][] cell = new double[places.size()][w.length];
            double drawn = 0;
            for (int s = 0; s < places.size(); s++) {
                double streetShare = map.streetShare(d, s);
                for (int c = 0; c < w.length; c++) {
                    if (w[c] > 0) {
                        cell[s][c] = streetShare * w[c] * Draws.unitGamma(rng, CELL_SHAPE);
                        drawn += cell[s][c];
                    }
                }
            }
            for (int s = 0; s < places.size(); s++) {
                int placeIndex = places.get(s).index;
                for (int c = 0; c < w.length; c++) {
                    if (cell[s][c] == 0) {
                        continue;
                    }
                    int n = Draws.poisson(rng, districtVolume * cell[s][c] / drawn);
                    for (int k = 0; k < n; k++) {
                        hours.get(hourChoices[c].pick(rng)).add(placeIndex * 64 + c);
                    }
                }
            }
        }
        int[][] packed = new int[24][];
        for (int h = 0; h < 24; h++) {
            List<Integer> list = hours.get(h);
            packed[h] = new int[list.size()];
            for (int i = 0; i < packed[h].length; i++) {
                packed[h][i] = list.get(i);
            }
        }
        return new DayPlan(packed);
    }

    private int indexInDistrict(Place place) {
        return map.places(place.districtIndex).indexOf(place);
    }

    private static double[] normalised(double[] w) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = sum > 0 ? w[i] / sum : 0;
        }
        return out;
    }
}
