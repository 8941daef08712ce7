package org.civicpulse.simulator;

import java.util.Objects;

/**
 * Everything that decides what the simulator generates; the same configuration and range give
 * byte-identical output.
 *
 * @param seed the run's seed
 * @param scale multiplies every volume (1 = full-scale Beijing)
 * @param hotlinePerDay dispatched HOTLINE tickets a day citywide at scale 1 (requests, not consultations)
 * @param gridPerDay GRID reports a day citywide at scale 1, or {@code null} for the figure implied by
 *     Xicheng's ~700 a day per 1.1 million residents, less in outer districts
 * @param inspectionsPerDay INSPECTION spot checks a day citywide at scale 1
 * @param inspectionCaseShare share of failed checks that open a case (with a {@code caseId})
 * @param responseLateShare share of cases that respond after their response limit
 * @param resolutionLateShare share of cases resolved after their resolution limit
 * @param reopenShare share of resolved cases that are REOPENED and resolved again
 * @param leftOpenShare share of cases that are never resolved (stay open and overdue)
 * @param faults the rate of each kind of bad input
 * @param scenario the drill's hotspots and incidents; {@link Scenario#none()} for none
 */
public record SimulatorConfig(long seed, double scale, double hotlinePerDay, Double gridPerDay,
        double inspectionsPerDay, double inspectionCaseShare, double responseLateShare,
        double resolutionLateShare, double reopenShare, double leftOpenShare, FaultRates faults,
        Scenario scenario) {
    public static final long DEFAULT_SEED = 12345;
    public static final double DEFAULT_HOTLINE_PER_DAY = 25_000;
    public static final double DEFAULT_INSPECTIONS_PER_DAY = 3_000;

    /** Checks ranges. */
    public SimulatorConfig {
        requireAtLeast("scale", scale, 0);
        requireAtLeast("hotlinePerDay", hotlinePerDay, 0);
        if (gridPerDay != null) {
            requireAtLeast("gridPerDay", gridPerDay, 0);
        }
        requireAtLeast("inspectionsPerDay", inspectionsPerDay, 0);
        requireShare("inspectionCaseShare", inspectionCaseShare);
        requireShare("responseLateShare", responseLateShare);
        requireShare("resolutionLateShare", resolutionLateShare);
        requireShare("reopenShare", reopenShare);
        requireShare("leftOpenShare", leftOpenShare);
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(scenario, "scenario");
    }

    /** Full-scale Beijing with the default seed, faults at their default rates and no scenario. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(DEFAULT_SEED, 1.0, DEFAULT_HOTLINE_PER_DAY, null, DEFAULT_INSPECTIONS_PER_DAY,
                0.6, 0.01, 0.05, 0.03, 0.002, FaultRates.defaults(), Scenario.none());
    }

    public SimulatorConfig withSeed(long value) {
        return new SimulatorConfig(value, scale, hotlinePerDay, gridPerDay, inspectionsPerDay, inspectionCaseShare,
                responseLateShare, resolutionLateShare, reopenShare, leftOpenShare, faults, scenario);
    }

    public SimulatorConfig withScale(double value) {
        return new SimulatorConfig(seed, value, hotlinePerDay, gridPerDay, inspectionsPerDay, inspectionCaseShare,
                responseLateShare, resolutionLateShare, reopenShare, leftOpenShare, faults, scenario);
    }

    public SimulatorConfig withVolumes(double hotline, Double grid, double inspections) {
        return new SimulatorConfig(seed, scale, hotline, grid, inspections, inspectionCaseShare,
                responseLateShare, resolutionLateShare, reopenShare, leftOpenShare, faults, scenario);
    }

    public SimulatorConfig withInspectionCaseShare(double value) {
        return new SimulatorConfig(seed, scale, hotlinePerDay, gridPerDay, inspectionsPerDay, value,
                responseLateShare, resolutionLateShare, reopenShare, leftOpenShare, faults, scenario);
    }

    /** A copy with the lifecycle shares replaced. */
    public SimulatorConfig withLifecycle(double responseLate, double resolutionLate, double reopen, double leftOpen) {
        return new SimulatorConfig(seed, scale, hotlinePerDay, gridPerDay, inspectionsPerDay, inspectionCaseShare,
                responseLate, resolutionLate, reopen, leftOpen, faults, scenario);
    }

    public SimulatorConfig withFaults(FaultRates value) {
        return new SimulatorConfig(seed, scale, hotlinePerDay, gridPerDay, inspectionsPerDay, inspectionCaseShare,
                responseLateShare, resolutionLateShare, reopenShare, leftOpenShare, value, scenario);
    }

    public SimulatorConfig withScenario(Scenario value) {
        return new SimulatorConfig(seed, scale, hotlinePerDay, gridPerDay, inspectionsPerDay, inspectionCaseShare,
                responseLateShare, resolutionLateShare, reopenShare, leftOpenShare, faults, value);
    }

    private static void requireAtLeast(String name, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a number ≥ " + min + ", is " + value);
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, is " + value);
        }
    }
}
