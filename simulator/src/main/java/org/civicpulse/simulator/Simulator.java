package org.civicpulse.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Catalogue.Category;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.Source;

/**
 * The Beijing event simulator: for a configuration (seed, scale, volumes, lifecycle shares, fault
 * rates, drill) and an event-time range, a deterministic, lazy stream of the lines the three
 * sources send. The same configuration and range give byte-identical lines, and any range can be
 * generated alone: it equals the same range cut out of a longer run.
 */
public final class Simulator {
    /** The latest a line is sent after its event time (a late event; its duplicate within the hour). */
    static final Duration MAX_SEND_DELAY = Duration.ofHours(13);

    private final SimulatorConfig config;
    private final VolumeModel volumes;
    private final HourGenerator generator;
    private final LineRenderer renderer;
    private final ScenarioInjector scenario;

    /**
     * Builds the simulated city from the catalogue.
     *
     * @throws IllegalArgumentException if the drill names streets or categories the catalogue lacks
     */
    public Simulator(Catalogue catalogue, SimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        List<Category> categories = catalogue.categories();
        if (categories.size() > 64) {
            throw new IllegalStateException("The simulator packs category indexes in 6 bits; the catalogue has "
                    + categories.size());
        }
        CityMap map = new CityMap(catalogue, config.seed());
        CategoryMix mix = new CategoryMix(categories);
        this.volumes = new VolumeModel(map, mix, config);
        CaseFactory cases = new CaseFactory(map, categories, new LifecyclePlanner(config), config);
        FaultPlanner faults = new FaultPlanner(config.faults());
        this.scenario = new ScenarioInjector(config.scenario(), config.seed(), map, categories, volumes, cases, faults);
        this.generator = new HourGenerator(config.seed(), map, volumes, cases, faults, scenario);
        this.renderer = new LineRenderer(new EventCodec(), map);
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The average day's volume of problems of this source (CREATED, or CHECKED for INSPECTION), scale applied. */
    public double dailyVolume(Source source) {
        return volumes.perDay(source);
    }

    /** Cases created in [from, to) and every line they send before {@code to}; no ground truth. */
    public EmissionStream emissions(Instant from, Instant to) {
        return emissions(from, from, to, GroundTruth.NONE);
    }

    /** Cases created in [from, to) and every line they send before {@code to}. */
    public EmissionStream emissions(Instant from, Instant to, GroundTruth truth) {
        return emissions(from, from, to, truth);
    }

    /**
     * Every line sent in [from, to) by the cases created at or after {@code casesFrom}. With
     * {@code casesFrom} before {@code from}, cases opened earlier continue into the range (a live
     * run after a backfill that started at {@code casesFrom} emits their follow-ups, not orphans).
     *
     * @param to end of the range (exclusive), or null for an endless stream
     */
    public EmissionStream emissions(Instant casesFrom, Instant from, Instant to, GroundTruth truth) {
        Objects.requireNonNull(casesFrom, "casesFrom");
        Objects.requireNonNull(from, "from");
        if (casesFrom.isAfter(from)) {
            throw new IllegalArgumentException("casesFrom " + casesFrom + " is after from " + from);
        }
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("The range is empty: to " + to + " is not after from " + from);
        }
        return new EmissionStream(generator, renderer, scenario.items(), casesFrom, from, to,
                Objects.requireNonNull(truth, "truth"));
    }
}
