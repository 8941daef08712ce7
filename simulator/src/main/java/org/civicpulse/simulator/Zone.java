package org.civicpulse.simulator;

import java.util.Map;

/**
 * The planning zone of a district ({@code districts.csv}, column {@code zone}): it sets how densely
 * grid workers patrol and how well spot checks go.
 */
enum Zone {
    /** 首都功能核心区: Dongcheng and Xicheng, where the Xicheng grid figure comes from. */
    CORE(1.0, 0.92),
    /** 中心城区: the other four central districts. */
    CENTRAL(0.75, 0.90),
    /** 平原新城: the plain new towns. */
    NEW_TOWN(0.5, 0.88),
    /** 生态涵养区: the mountainous districts. */
    ECOLOGICAL(0.35, 0.89);

    private static final Map<String, Zone> BY_DISTRICT = Map.ofEntries(
            Map.entry("110101", CORE), Map.entry("110102", CORE),
            Map.entry("110105", CENTRAL), Map.entry("110106", CENTRAL), Map.entry("110107", CENTRAL),
            Map.entry("110108", CENTRAL),
            Map.entry("110111", NEW_TOWN), Map.entry("110112", NEW_TOWN), Map.entry("110113", NEW_TOWN),
            Map.entry("110114", NEW_TOWN), Map.entry("110115", NEW_TOWN),
            Map.entry("110109", ECOLOGICAL), Map.entry("110116", ECOLOGICAL), Map.entry("110117", ECOLOGICAL),
            Map.entry("110118", ECOLOGICAL), Map.entry("110119", ECOLOGICAL));

    private final double gridIntensity;
    private final double passRate;

    Zone(double gridIntensity, double passRate) {
        this.gridIntensity = gridIntensity;
        this.passRate = passRate;
    }

    /** Grid reports per resident relative to the core districts. */
    double gridIntensity() {
        return gridIntensity;
    }

    /** The usual spot-check pass rate of the zone's streets. */
    double passRate() {
        return passRate;
    }

    /** The zone of a district code; new-town for a code this table does not know. */
    static Zone of(String districtCode) {
        return BY_DISTRICT.getOrDefault(districtCode, NEW_TOWN);
    }
}
