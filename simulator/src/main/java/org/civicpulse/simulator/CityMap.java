package org.civicpulse.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Catalogue.District;
import org.civicpulse.contract.Catalogue.Street;
import org.civicpulse.contract.Source;

/**
 * The simulated city, fixed by the seed: districts weighted by population, streets with their own
 * activity and spot-check pass rate, and on each street a set of recurring points (点位) with a
 * Zipf-like popularity, so that high-frequency points exist.
 */
final class CityMap {
    /** Xicheng: about 700–750 grid cases a day for about 1.1 million residents (volumes.md §6). */
    static final double GRID_PER_MILLION_IN_CORE = 700 / 1.1;
    /** Points per street; a few are popular, most are rare. */
    static final int POINTS_PER_STREET = 100;
    /** Exponent of the points' Zipf popularity. */
    static final double POINT_ZIPF = 1.0;
    /** Share of events at one of the street's recurring points; the rest are one-off places. */
    static final double RECURRING_POINT_SHARE = 0.7;
    /** Statistics-only zones (in_343 = no) carry events, at this fraction of a street's activity. */
    static final double SPECIAL_ZONE_ACTIVITY = 0.25;
    private static final double KM_PER_DEGREE = 111.2;

    /** One street or town with what the simulation fixed about it. */
    static final class Place {
        /** Position in {@link CityMap#allPlaces()}. */
        final int index;
        final int districtIndex;
        final District district;
        final Street street;
        final double activity;
        final double passRate;
        final Point[] points;
        final WeightedChoice pointChoice;
        final String office;

        Place(int index, int districtIndex, District district, Street street, double activity, double passRate,
                Point[] points) {
            this.index = index;
            this.districtIndex = districtIndex;
            this.district = district;
            this.street = street;
            this.activity = activity;
            this.passRate = passRate;
            this.points = points;
            double[] popularity = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                popularity[i] = 1 / StrictMath.pow(i + 1, POINT_ZIPF);
            }
            this.pointChoice = new WeightedChoice(popularity);
            this.office = officeOf(street.name());
        }

        /** The street's own office: 街道/地区 → 办事处, 镇/乡 → 政府, a statistics zone → 管委会. */
        static String officeOf(String name) {
            if (name.endsWith("镇") || name.endsWith("乡")) {
                return name + "政府";
            }
            if (name.endsWith("街道") || name.endsWith("地区")) {
                return name + "办事处";
            }
            return name + "管委会";
        }

    }

    private final List<District> districts;
    private final List<Place> allPlaces = new ArrayList<>();
    private final List<List<Place>> places = new ArrayList<>();
    private final List<WeightedChoice> streetChoices = new ArrayList<>();
    private final Map<String, Place> placeByKey = new HashMap<>();
    private final Map<String, Double> districtQuality = new HashMap<>();
    private final Map<String, Integer> districtIndex = new HashMap<>();
    private final long seed;

    CityMap(Catalogue catalogue, long seed) {
        this.seed = seed;
        this.districts = catalogue.districts();
        for (int d = 0; d < districts.size(); d++) {
            District district = districts.get(d);
            districtIndex.put(district.code(), d);
            Zone zone = Zone.of(district.code());
            List<Place> list = new ArrayList<>();
            for (Street street : catalogue.streets(district.code())) {
                long code = Long.parseLong(street.code());
                SplittableRandom rng = Seeds.random(seed, Seeds.CITY_STREETS, code);
                double activity = StrictMath.exp(0.35 * Draws.gaussian(rng))
                        * (street.in343() ? 1 : SPECIAL_ZONE_ACTIVITY);
                double passRate = clamp(zone.passRate() + 0.025 * Draws.gaussian(rng), 0.80, 0.97);
                Place place = new Place(allPlaces.size(), d, district, street, activity, passRate,
                        points(street, Seeds.random(seed, Seeds.CITY_POINTS, code)));
                list.add(place);
                allPlaces.add(place);
                placeByKey.put(key(district.code(), street.name()), place);
            }
            places.add(List.copyOf(list));
            double[] weights = new double[list.size()];
            for (int s = 0; s < weights.length; s++) {
                weights[s] = list.get(s).activity;
            }
            streetChoices.add(new WeightedChoice(weights));
            SplittableRandom q = Seeds.random(seed, Seeds.DISTRICT_QUALITY, Long.parseLong(district.code()));
            districtQuality.put(district.code(), clamp(0.008 * Draws.gaussian(q), -0.02, 0.02));
        }
    }

    List<District> districts() {
        return districts;
    }

    int districtIndex(String code) {
        Integer i = districtIndex.get(code);
        if (i == null) {
            throw new IllegalArgumentException("Unknown district " + code);
        }
        return i;
    }

    /** Every street and town of the city, district by district in code order. */
    List<Place> allPlaces() {
        return allPlaces;
    }

    /** The streets and towns of district {@code d}, in code order. */
    List<Place> places(int d) {
        return places.get(d);
    }

    /** Picks a street of district {@code d} by activity. */
    WeightedChoice streetChoice(int d) {
        return streetChoices.get(d);
    }

    /** The share of district {@code d}'s events that fall on its street {@code s}. */
    double streetShare(int d, int s) {
        return streetChoices.get(d).probability(s);
    }

    /** The street {@code name} of district {@code code}, or null. */
    Place place(String code, String name) {
        return placeByKey.get(key(code, name));
    }

    /**
     * Each district's weight for this source: HOTLINE follows population; GRID and INSPECTION
     * follow population times the zone's patrol intensity.
     */
    double[] districtWeights(Source source) {
        double[] w = new double[districts.size()];
        for (int d = 0; d < w.length; d++) {
            District district = districts.get(d);
            w[d] = source == Source.HOTLINE
                    ? district.population()
                    : district.population() * Zone.of(district.code()).gridIntensity();
        }
        return w;
    }

    /** GRID reports a day citywide implied by the Xicheng figure and the zones' intensities. */
    double defaultGridPerDay() {
        double total = 0;
        for (District district : districts) {
            total += district.population() / 1e6 * GRID_PER_MILLION_IN_CORE
                    * Zone.of(district.code()).gridIntensity();
        }
        return total;
    }

    /** The Chinese name of a district code, e.g. 东城区. */
    String districtName(String code) {
        return districts.get(districtIndex(code)).nameZh();
    }

    /**
     * The point with this address on the street, or a new one scattered near the street at a
     * position fixed by the address, for a drill that names a point the map does not have.
     */
    Point pointNamed(Place place, String address) {
        for (Point p : place.points) {
            if (p.address().equals(address)) {
                return p;
            }
        }
        double[] latLon = scatter(place.street, Seeds.random(seed, Seeds.CITY_POINTS, address.hashCode()));
        return new Point(address, latLon[0], latLon[1]);
    }

    /** The district's lasting offset to resolution and satisfaction (±2 points at most). */
    double districtQuality(String code) {
        return districtQuality.getOrDefault(code, 0.0);
    }

    /** A handling unit's lasting offset to resolution and satisfaction (±3 points at most). */
    double unitQuality(String unit) {
        SplittableRandom q = Seeds.random(seed, Seeds.UNIT_QUALITY, unit.hashCode());
        return clamp(0.01 * Draws.gaussian(q), -0.03, 0.03);
    }

    /** A one-off place near the street: a random name and door number, scattered like the points. */
    Point oneOffPoint(Place place, SplittableRandom rng) {
        String name = PointNames.name(rng);
        int number = 1 + rng.nextInt(200);
        double[] latLon = scatter(place.street, rng);
        return new Point(PointNames.address(place.street.name(), name, number), latLon[0], latLon[1]);
    }

    private static Point[] points(Street street, SplittableRandom rng) {
        Point[] points = new Point[POINTS_PER_STREET];
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < points.length; i++) {
            String name = PointNames.name(rng);
            int number = 1 + rng.nextInt(120);
            String address = PointNames.address(street.name(), name, number);
            while (!names.add(address)) {
                number = 1 + rng.nextInt(400);
                address = PointNames.address(street.name(), name, number);
            }
            double[] latLon = scatter(street, rng);
            points[i] = new Point(address, latLon[0], latLon[1]);
        }
        return points;
    }

    /** A position 0.5–2 km from the street's coordinates in a random direction, to 5 decimals. */
    private static double[] scatter(Street street, SplittableRandom rng) {
        double km = 0.5 + 1.5 * StrictMath.sqrt(rng.nextDouble());
        double bearing = 2 * Math.PI * rng.nextDouble();
        double lat = street.lat() + km * StrictMath.cos(bearing) / KM_PER_DEGREE;
        double lon = street.lon() + km * StrictMath.sin(bearing)
                / (KM_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(street.lat())));
        return new double[] {round5(lat), round5(lon)};
    }

    static double round5(double x) {
        return Math.round(x * 1e5) / 1e5;
    }

    private static double clamp(double x, double min, double max) {
        return Math.max(min, Math.min(max, x));
    }

    private static String key(String district, String street) {
        return district + "|" + street;
    }
}
