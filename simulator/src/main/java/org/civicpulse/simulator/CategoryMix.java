package org.civicpulse.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.contract.Catalogue.Category;
import org.civicpulse.contract.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which problems each source reports: a default weighting of the catalogue per source, the
 * seasons that shift it, and the hours at which each category tends to arrive. GRID weights only
 * categories grid workers can find ({@code grid_proactive=yes}), dominated by street appearance;
 * INSPECTION only those spot checks cover ({@code civ_city_check=yes}).
 */
final class CategoryMix {
    private static final Logger LOG = LoggerFactory.getLogger(CategoryMix.class);

    /** Default HOTLINE mix in percent of dispatched tickets; HEATING and WATERLOGGING are seasonal. */
    static final Map<String, Double> HOTLINE = Map.ofEntries(
            Map.entry("PROPERTY_MGMT", 12.0), Map.entry("OTHER", 15.0), Map.entry("NOISE", 9.0),
            Map.entry("CONSTRUCTION_DISTURBANCE", 7.0), Map.entry("ILLEGAL_PARKING_MOTOR", 6.0),
            Map.entry("PARKING_ORDER", 6.0), Map.entry("ENV_SANITATION", 5.0), Map.entry("ROAD_DAMAGE", 4.0),
            Map.entry("PUBLIC_FACILITY_DAMAGE", 4.0), Map.entry("UTILITY_OUTAGE", 4.0),
            Map.entry("GARBAGE_SORTING", 3.0), Map.entry("ILLEGAL_CONSTRUCTION", 3.0),
            Map.entry("CATERING_FUMES", 3.0), Map.entry("STREET_VENDING", 2.5),
            Map.entry("ILLEGAL_PARKING_NONMOTOR", 2.0), Map.entry("UNCIVIL_DOG", 2.0), Map.entry("GREENING", 2.0),
            Map.entry("PILED_MATERIALS", 1.5), Map.entry("ILLEGAL_SMALL_STRUCTURE", 1.5),
            Map.entry("SHOPFRONT_DIRTY", 1.0), Map.entry("ZOMBIE_VEHICLE", 1.0),
            Map.entry("PRIVATE_GROUND_LOCK", 1.0), Map.entry("ILLEGAL_SMALL_ADS", 0.5),
            Map.entry("OUTDOOR_ADS_SIGNS", 0.5), Map.entry("FRONTAGE_DUTY", 0.5),
            Map.entry("RED_LIGHT_WRONG_WAY", 0.3), Map.entry("STREET_HANGING", 0.3),
            Map.entry("HEATING", 10.0), Map.entry("WATERLOGGING", 2.5));
    /** Default GRID mix: grid-found problems are mostly small street-appearance fixes. */
    static final Map<String, Double> GRID = Map.ofEntries(
            Map.entry("ILLEGAL_SMALL_ADS", 16.0), Map.entry("ENV_SANITATION", 14.0),
            Map.entry("PILED_MATERIALS", 10.0), Map.entry("STREET_VENDING", 9.0),
            Map.entry("ILLEGAL_PARKING_NONMOTOR", 8.0), Map.entry("ILLEGAL_PARKING_MOTOR", 6.0),
            Map.entry("SHOPFRONT_DIRTY", 6.0), Map.entry("GARBAGE_SORTING", 5.0),
            Map.entry("OUTDOOR_ADS_SIGNS", 4.0), Map.entry("FRONTAGE_DUTY", 4.0),
            Map.entry("PUBLIC_FACILITY_DAMAGE", 3.0), Map.entry("ILLEGAL_SMALL_STRUCTURE", 2.0),
            Map.entry("STREET_HANGING", 2.0), Map.entry("CATERING_FUMES", 2.0), Map.entry("ROAD_DAMAGE", 2.0),
            Map.entry("GREENING", 2.0), Map.entry("ZOMBIE_VEHICLE", 1.5), Map.entry("PRIVATE_GROUND_LOCK", 1.5),
            Map.entry("ILLEGAL_CONSTRUCTION", 1.0), Map.entry("PARKING_ORDER", 1.0), Map.entry("UNCIVIL_DOG", 1.0),
            Map.entry("RED_LIGHT_WRONG_WAY", 0.5), Map.entry("WATERLOGGING", 1.5));
    /** Default INSPECTION mix: the civilized-city checklist. */
    static final Map<String, Double> INSPECTION = Map.ofEntries(
            Map.entry("ENV_SANITATION", 14.0), Map.entry("GARBAGE_SORTING", 10.0),
            Map.entry("SHOPFRONT_DIRTY", 8.0), Map.entry("ILLEGAL_SMALL_ADS", 8.0),
            Map.entry("PILED_MATERIALS", 8.0), Map.entry("ILLEGAL_PARKING_NONMOTOR", 8.0),
            Map.entry("ILLEGAL_PARKING_MOTOR", 7.0), Map.entry("STREET_VENDING", 7.0),
            Map.entry("FRONTAGE_DUTY", 6.0), Map.entry("OUTDOOR_ADS_SIGNS", 4.0),
            Map.entry("RED_LIGHT_WRONG_WAY", 4.0), Map.entry("ILLEGAL_SMALL_STRUCTURE", 3.0),
            Map.entry("PARKING_ORDER", 2.0), Map.entry("PRIVATE_GROUND_LOCK", 2.0),
            Map.entry("STREET_HANGING", 2.0), Map.entry("CATERING_FUMES", 2.0),
            Map.entry("CONSTRUCTION_DISTURBANCE", 2.0), Map.entry("PUBLIC_FACILITY_DAMAGE", 2.0),
            Map.entry("GREENING", 2.0), Map.entry("ZOMBIE_VEHICLE", 1.0), Map.entry("UNCIVIL_DOG", 1.0),
            Map.entry("ROAD_DAMAGE", 1.0));

    private final List<Category> categories;
    private final EnumMap<Source, double[]> base = new EnumMap<>(Source.class);
    private final double[][] hotlineHourTilt;
    private final Map<MixKey, WeightedChoice[]> hourChoices = new HashMap<>();

    CategoryMix(List<Category> categories) {
        this.categories = List.copyOf(categories);
        base.put(Source.HOTLINE, table(HOTLINE, Source.HOTLINE));
        base.put(Source.GRID, table(GRID, Source.GRID));
        base.put(Source.INSPECTION, table(INSPECTION, Source.INSPECTION));
        hotlineHourTilt = new double[categories.size()][24];
        for (int c = 0; c < categories.size(); c++) {
            for (int h = 0; h < 24; h++) {
                hotlineHourTilt[c][h] = hotlineTilt(categories.get(c).code(), h);
            }
        }
    }

    List<Category> categories() {
        return categories;
    }

    /** The day's weights of each category (catalogue order) for this source; they need not sum to 1. */
    double[] weights(Source source, LocalDate day) {
        return weights(source, MixKey.of(source, day));
    }

    /**
     * For each category (catalogue order), the distribution of its problems over the 24 hours of
     * the day. Together they reproduce the source's hour profile exactly while letting noise,
     * fumes and vending skew to the evening, night works to 22–02 and heating to early morning and
     * evening: the joint hour × category table is fitted to both marginals (iterative
     * proportional fitting).
     */
    WeightedChoice[] hourChoices(Source source, LocalDate day) {
        MixKey key = MixKey.of(source, day);
        synchronized (hourChoices) {
            return hourChoices.computeIfAbsent(key, this::fitHours);
        }
    }

    private double[] weights(Source source, MixKey key) {
        double[] w = base.get(source).clone();
        for (int c = 0; c < w.length; c++) {
            w[c] *= seasonal(source, categories.get(c).code(), key);
        }
        return w;
    }

    private static double seasonal(Source source, String code, MixKey key) {
        double f = switch (code) {
            case "HEATING" -> key.heating;
            case "WATERLOGGING" -> key.rain;
            case "CATERING_FUMES" -> key.summer ? 1.5 : 1;
            case "STREET_VENDING" -> key.summer ? 1.3 : 1;
            case "CONSTRUCTION_DISTURBANCE" -> key.spring ? 1.3 : 1;
            default -> 1;
        };
        if (source == Source.HOTLINE) {
            switch (code) {
                // Nuisance complaints rise on weekends; 5 × 0.9 + 2 × 1.25 = 7 keeps the weekly mix.
                case "NOISE", "ILLEGAL_PARKING_MOTOR", "PARKING_ORDER" -> f *= key.weekend ? 1.25 : 0.9;
                default -> { }
            }
            if ("NOISE".equals(code) && key.summer) {
                f *= 1.15;
            }
        }
        return f;
    }

    private WeightedChoice[] fitHours(MixKey key) {
        double[] profile = Rhythm.hourShares(key.source);
        double[] w = weights(key.source, key);
        double wSum = 0;
        for (double x : w) {
            wSum += x;
        }
        int n = w.length;
        double[][] m = new double[24][n];
        for (int h = 0; h < 24; h++) {
            for (int c = 0; c < n; c++) {
                double tilt = key.source == Source.HOTLINE ? hotlineHourTilt[c][h] : 1;
                m[h][c] = profile[h] * (w[c] / wSum) * tilt;
            }
        }
        for (int iteration = 0; iteration < 200; iteration++) {
            for (int h = 0; h < 24; h++) {
                double row = 0;
                for (int c = 0; c < n; c++) {
                    row += m[h][c];
                }
                if (row > 0) {
                    for (int c = 0; c < n; c++) {
                        m[h][c] *= profile[h] / row;
                    }
                }
            }
            double worst = 0;
            for (int c = 0; c < n; c++) {
                double col = 0;
                for (int h = 0; h < 24; h++) {
                    col += m[h][c];
                }
                if (col > 0) {
                    double target = w[c] / wSum;
                    worst = Math.max(worst, Math.abs(col - target));
                    for (int h = 0; h < 24; h++) {
                        m[h][c] *= target / col;
                    }
                }
            }
            if (worst < 1e-12) {
                break;
            }
        }
        WeightedChoice[] out = new WeightedChoice[n];
        for (int c = 0; c < n; c++) {
            double[] hours = new double[24];
            for (int h = 0; h < 24; h++) {
                hours[h] = m[h][c];
            }
            out[c] = new WeightedChoice(hours);
        }
        return out;
    }

    private static double hotlineTilt(String code, int hour) {
        return switch (code) {
            case "NOISE", "CATERING_FUMES", "STREET_VENDING" -> hour >= 18 ? 2.5 : hour <= 1 ? 1.8 : 1;
            case "CONSTRUCTION_DISTURBANCE" -> hour >= 22 || hour <= 1 ? 4 : 1;
            case "HEATING" -> hour >= 6 && hour <= 8 ? 1.8 : hour >= 18 && hour <= 21 ? 1.6 : 1;
            default -> 1;
        };
    }

    private double[] table(Map<String, Double> percent, Source source) {
        double[] w = new double[categories.size()];
        for (int c = 0; c < w.length; c++) {
            Category category = categories.get(c);
            double value = percent.getOrDefault(category.code(), 0.0);
            boolean allowed = switch (source) {
                case HOTLINE -> true;
                case GRID -> category.gridProactive();
                case INSPECTION -> category.civCityCheck();
            };
            if (value > 0 && !allowed) {
                LOG.warn("Category {} is weighted for {} but the catalogue says that source cannot report it; "
                        + "left out", category.code(), source);
                value = 0;
            }
            w[c] = value;
        }
        return w;
    }

    /** What the day's mix depends on, so the fitted hour tables can be shared between days. */
    private record MixKey(Source source, double heating, double rain, boolean summer, boolean spring,
            boolean weekend) {
        static MixKey of(Source source, LocalDate day) {
            DayOfWeek dow = day.getDayOfWeek();
            return new MixKey(source, Season.heatingFactor(day), Season.rainFactor(day), Season.isSummer(day),
                    Season.isSpring(day), dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY);
        }
    }
}
