package org.civicpulse.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.simulator.GroundTruth.FaultRecord;
import org.civicpulse.simulator.GroundTruth.InjectionRecord;

/** Runs the simulator in tests and keeps everything it emitted and reported. */
final class Runs {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Catalogue CATALOGUE = Catalogue.load();
    static final EventCodec CODEC = new EventCodec();

    /** Everything one run produced. */
    record Output(List<Emission> emissions, List<FaultRecord> faults, List<InjectionRecord> injections) {
        List<String> lines() {
            return emissions.stream().map(Emission::line).toList();
        }
    }

    private Runs() {
    }

    static Output run(SimulatorConfig config, Instant from, Instant to) {
        return run(config, from, from, to);
    }

    static Output run(SimulatorConfig config, Instant casesFrom, Instant from, Instant to) {
        List<Emission> emissions = new ArrayList<>();
        List<FaultRecord> faults = new ArrayList<>();
        List<InjectionRecord> injections = new ArrayList<>();
        GroundTruth truth = new GroundTruth() {
            @Override
            public void fault(FaultRecord record) {
                faults.add(record);
            }

            @Override
            public void injection(InjectionRecord record) {
                injections.add(record);
            }
        };
        try (EmissionStream stream = new Simulator(CATALOGUE, config).emissions(casesFrom, from, to, truth)) {
            stream.forEachRemaining(emissions::add);
        }
        return new Output(emissions, faults, injections);
    }

    /** Midnight in Beijing at the start of this date. */
    static Instant midnight(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(BEIJING).toInstant();
    }

    static CivicEvent decode(String line) {
        return CODEC.decodeTrusted(line);
    }

    /** The events of the lines that are events; lines broken on purpose are skipped. */
    static List<CivicEvent> events(List<String> lines) {
        List<CivicEvent> out = new ArrayList<>();
        for (String line : lines) {
            try {
                out.add(CODEC.decodeTrusted(line));
            } catch (IllegalArgumentException faulty) {
                // not an event
            }
        }
        return out;
    }

    /** Whether a clean line is the opening event of a problem (CREATED or CHECKED), without parsing it. */
    static boolean isOpening(String line) {
        return line.contains("\"type\":\"CREATED\"") || line.contains("\"type\":\"CHECKED\"");
    }
}
