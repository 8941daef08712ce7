package org.civicpulse.simulator;

import java.util.List;
import java.util.SplittableRandom;
import org.civicpulse.contract.Catalogue.Category;
import org.civicpulse.contract.Channel;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.CityMap.Place;
import org.civicpulse.simulator.PlannedCase.Step;

/**
 * Makes one problem: its point, flags, channel, handling unit and lifecycle (or, for a spot
 * check, its outcome and, when it fails, possibly a case).
 */
final class CaseFactory {
    private final CityMap map;
    private final List<Category> categories;
    private final LifecyclePlanner planner;
    private final double inspectionCaseShare;

    CaseFactory(CityMap map, List<Category> categories, LifecyclePlanner planner, SimulatorConfig config) {
        this.map = map;
        this.categories = categories;
        this.planner = planner;
        this.inspectionCaseShare = config.inspectionCaseShare();
    }

    /**
     * A problem of category {@code c} on {@code place} at {@code t0}.
     *
     * @param forcedPoint the drill's point, or null to pick one
     * @param forcedUnit the drill's handling unit, or null for the usual one
     */
    PlannedCase create(Source source, Place place, int c, long t0, String idBase, SplittableRandom rng,
            int injectedItem, Point forcedPoint, String forcedUnit) {
        Category category = categories.get(c);
        Point point;
        if (forcedPoint != null) {
            point = forcedPoint;
        } else if (rng.nextDouble() < CityMap.RECURRING_POINT_SHARE) {
            point = place.points[place.pointChoice.pick(rng)];
        } else {
            point = map.oneOffPoint(place, rng);
        }
        double form = rng.nextDouble();
        boolean hasAddress;
        boolean hasCoordinates;
        switch (source) {
            // Callers give an address; app and WeChat users often share a location instead.
            case HOTLINE -> {
                hasAddress = form < 0.85;
                hasCoordinates = form < 0.6 || form >= 0.85;
            }
            // Grid workers' handsets record a position; they type an address less often.
            case GRID -> {
                hasAddress = form < 0.85 || form >= 0.97;
                hasCoordinates = form < 0.97;
            }
            default -> {
                hasAddress = true;
                hasCoordinates = form < 0.7;
            }
        }
        if (forcedPoint != null) {
            hasAddress = true;
        }
        String address = hasAddress ? point.address() : null;
        Double lat = hasCoordinates ? point.lat() : null;
        Double lon = hasCoordinates ? point.lon() : null;
        String districtCode = place.district.code();
        String street = place.street.name();

        if (source == Source.INSPECTION) {
            boolean passed = rng.nextDouble() < place.passRate;
            boolean opensCase = !passed && Draws.chance(rng, inspectionCaseShare);
            if (!opensCase) {
                return new PlannedCase(source, null, idBase, districtCode, street, category.code(), null, address,
                        lat, lon, false, null, passed, injectedItem, List.of(new Step(EventType.CHECKED, t0, null,
                        null)));
            }
            String unit = forcedUnit != null ? forcedUnit : place.office;
            List<Step> steps = planner.plan(source, EventType.CHECKED, t0, false, category.urgencyDefault(),
                    0, rng);
            return new PlannedCase(source, idBase, idBase, districtCode, street, category.code(), unit, address,
                    lat, lon, false, null, false, injectedItem, steps);
        }

        boolean urgent = "urgent".equals(category.urgencyDefault()) || Draws.chance(rng, urgentChance(category));
        Channel channel = source == Source.HOTLINE ? channel(rng.nextDouble()) : null;
        String unit = forcedUnit != null
                ? forcedUnit
                : HandlingUnits.unitFor(source, category.code(), place.district.nameZh(), place.office, rng);
        double quality = map.districtQuality(districtCode) + map.unitQuality(unit);
        List<Step> steps = planner.plan(source, EventType.CREATED, t0, urgent, category.urgencyDefault(), quality,
                rng);
        return new PlannedCase(source, idBase, idBase, districtCode, street, category.code(), unit, address, lat,
                lon, urgent, channel, null, injectedItem, steps);
    }

    /** How often a non-urgent category is flagged urgent: a missing manhole cover, no heat at all, a flood. */
    private static double urgentChance(Category category) {
        return switch (category.code()) {
            case "WATERLOGGING" -> 0.10;
            case "PUBLIC_FACILITY_DAMAGE", "HEATING" -> 0.05;
            case "ROAD_DAMAGE" -> 0.02;
            default -> 0.01;
        };
    }

    /** Phone 85 %, the rest online: WeChat, the 北京通 app and the web (volumes.md §2). */
    static Channel channel(double u) {
        if (u < 0.85) {
            return Channel.PHONE;
        }
        if (u < 0.94) {
            return Channel.WECHAT;
        }
        return u < 0.98 ? Channel.APP : Channel.WEB;
    }
}
