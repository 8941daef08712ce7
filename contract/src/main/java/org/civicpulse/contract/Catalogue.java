package org.civicpulse.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 16 districts, their streets and towns, and the problem categories, read from the
 * {@code catalogue/*.csv} resources bundled in this module.
 */
public final class Catalogue implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);

    static final String DISTRICTS = "catalogue/districts.csv";
    static final String STREETS = "catalogue/streets.csv";
    static final String CATEGORIES = "catalogue/categories.csv";

    /**
     * A district of Beijing.
     *
     * @param code GB/T 2260 code, e.g. {@code 110101}
     * @param nameZh Chinese name, e.g. 东城区
     * @param nameEn pinyin name, e.g. Dongcheng
     * @param population residents at the 2020 census, from the CSV's 10,000s rounded to persons
     * @param lat latitude of the geographic centroid
     * @param lon longitude of the geographic centroid
     */
    public record District(String code, String nameZh, String nameEn, int population,
            double lat, double lon) implements Serializable {
    }

    /**
     * A street (街道), town (镇), township (乡) or area office (地区) of a district.
     *
     * @param districtCode code of the district it belongs to
     * @param code 9-digit NBS code
     * @param name Chinese name as events carry it, e.g. 东华门街道
     * @param lat estimated latitude
     * @param lon estimated longitude
     * @param in343 whether it is one of the official 343 units; the others are statistics-only
     *     zones, kept off street rankings but allowed on events
     */
    public record Street(String districtCode, String code, String name, double lat, double lon,
            boolean in343) implements Serializable {
    }

    /**
     * A problem category of the unified catalogue.
     *
     * @param code catalogue code, e.g. {@code ILLEGAL_PARKING_MOTOR}
     * @param nameZh Chinese name
     * @param nameEn English description
     * @param group the category group, e.g. 街面秩序
     * @param urgencyDefault {@code urgent}, {@code urgent-if-no-heat}, {@code urgent-in-storm},
     *     {@code normal} or {@code low}
     * @param gridProactive whether grid workers can find it on patrol
     * @param civCityCheck whether civilized-city spot checks cover it
     */
    public record Category(String code, String nameZh, String nameEn, String group,
            String urgencyDefault, boolean gridProactive, boolean civCityCheck)
            implements Serializable {
    }

    private final List<District> districts;
    private final Map<String, District> districtsByCode;
    private final List<Street> streets;
    private final Map<String, List<Street>> streetsByDistrict;
    private final Map<String, List<Street>> streetsByName;
    private final List<Category> categories;
    private final Map<String, Category> categoriesByCode;

    private Catalogue(List<District> districts, List<Street> streets, List<Category> categories) {
        this.districts = districts.stream().sorted(Comparator.comparing(District::code)).toList();
        this.districtsByCode = index(this.districts, District::code);
        this.streets = streets.stream().sorted(Comparator.comparing(Street::code)).toList();
        this.streetsByDistrict = group(this.streets, Street::districtCode);
        this.streetsByName = group(this.streets, Street::name);
        this.categories = List.copyOf(categories);
        this.categoriesByCode = index(this.categories, Category::code);
        for (Street street : this.streets) {
            if (!districtsByCode.containsKey(street.districtCode())) {
                throw new IllegalStateException("Catalogue file " + STREETS + ": street "
                        + street.code() + " names unknown district " + street.districtCode());
            }
        }
    }

    /**
     * Reads the catalogue from the classpath.
     *
     * @throws IllegalStateException if a resource is missing or malformed
     */
    public static Catalogue load() {
        Catalogue catalogue = new Catalogue(
                districts(Csv.parse(DISTRICTS, resource(DISTRICTS))),
                streets(Csv.parse(STREETS, resource(STREETS))),
                categories(Csv.parse(CATEGORIES, resource(CATEGORIES))));
        LOG.info("Loaded catalogue: {} districts, {} streets and towns, {} categories",
                catalogue.districts.size(), catalogue.streets.size(), catalogue.categories.size());
        return catalogue;
    }

    /** All districts in code order. */
    public List<District> districts() {
        return districts;
    }

    /** The district with this 6-digit code. */
    public Optional<District> district(String code) {
        return Optional.ofNullable(code == null ? null : districtsByCode.get(code));
    }

    /** All categories in catalogue order. */
    public List<Category> categories() {
        return categories;
    }

    /** The category with this code. */
    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : categoriesByCode.get(code));
    }

    /** Every street and town of every district, statistics-only zones included, in code order. */
    public List<Street> streets() {
        return streets;
    }

    /** The streets and towns of one district in code order; empty for an unknown district. */
    public List<Street> streets(String districtCode) {
        return streetsByDistrict.getOrDefault(districtCode, List.of());
    }

    /** The street of this name in this district. */
    public Optional<Street> street(String districtCode, String name) {
        return streets(districtCode).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every street of this name in any district: a few names, such as 八里庄街道, recur. */
    public List<Street> streetsNamed(String name) {
        return streetsByName.getOrDefault(name, List.of());
    }

    private static List<District> districts(Csv csv) {
        List<District> out = new ArrayList<>();
        for (int r = 0; r < csv.size(); r++) {
            // The CSV gives residents in units of 10,000; BigDecimal avoids 70.9 * 10000 drift.
            int population = new BigDecimal(csv.get(r, "pop_2020_census_10k").trim())
                    .movePointRight(4).setScale(0, RoundingMode.HALF_UP).intValueExact();
            out.add(new District(csv.get(r, "code"), csv.get(r, "name_zh"), csv.get(r, "name_en"),
                    population, number(csv, r, "centroid_lat"), number(csv, r, "centroid_lon")));
        }
        return out;
    }

    private static List<Street> streets(Csv csv) {
        List<Street> out = new ArrayList<>();
        for (int r = 0; r < csv.size(); r++) {
            out.add(new Street(csv.get(r, "district_code"), csv.get(r, "street_code"),
                    csv.get(r, "street_name_zh"), number(csv, r, "lat"), number(csv, r, "lon"),
                    yes(csv, r, "in_343")));
        }
        return out;
    }

    private static List<Category> categories(Csv csv) {
        List<Category> out = new ArrayList<>();
        for (int r = 0; r < csv.size(); r++) {
            out.add(new Category(csv.get(r, "code"), csv.get(r, "name_zh"), csv.get(r, "name_en"),
                    csv.get(r, "group"), csv.get(r, "urgency_default"),
                    yes(csv, r, "grid_proactive"), yes(csv, r, "civ_city_check")));
        }
        return out;
    }

    private static double number(Csv csv, int row, String column) {
        return Double.parseDouble(csv.get(row, column).trim());
    }

    private static boolean yes(Csv csv, int row, String column) {
        return "yes".equalsIgnoreCase(csv.get(row, column).trim());
    }

    private static String resource(String path) {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Catalogue resource " + path
                        + " is not on the classpath; is civicpulse-contract packaged correctly?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalogue resource " + path, e);
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T item : items) {
            if (out.put(key.apply(item), item) != null) {
                throw new IllegalStateException("Catalogue: duplicate code " + key.apply(item));
            }
        }
        return Map.copyOf(out);
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T item : items) {
            out.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        Map<String, List<T>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
    }
}
