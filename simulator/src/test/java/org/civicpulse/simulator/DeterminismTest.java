package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.contract.CivicEvent;
import org.junit.jupiter.api.Test;

/** Same seed, settings and range give the same bytes; any range equals the same range cut out of a longer run. */
class DeterminismTest {
    private static final Instant T0 = Runs.midnight(2026, 11, 20);
    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withScale(0.03);

    @Test
    void shouldProduceByteIdenticalOutputForTheSameSeedSettingsAndRange() {
        Runs.Output first = Runs.run(CONFIG, T0, T0.plus(Duration.ofDays(1)));
        Runs.Output second = Runs.run(CONFIG, T0, T0.plus(Duration.ofDays(1)));
        assertThat(first.emissions()).hasSizeGreaterThan(3_000);
        assertThat(second.emissions()).isEqualTo(first.emissions());
        assertThat(second.faults()).isEqualTo(first.faults());
        assertThat(first.faults()).isNotEmpty();
    }

    @Test
    void shouldEmitASubRangeExactlyAsItAppearsInsideALongerRun() {
        Instant end = T0.plus(Duration.ofDays(3));
        Instant subFrom = T0.plus(Duration.ofHours(37)).plusSeconds(17);
        Instant subTo = T0.plus(Duration.ofHours(61));
        Runs.Output longer = Runs.run(CONFIG, T0, T0, end);
        Runs.Output alone = Runs.run(CONFIG, T0, subFrom, subTo);
        List<Emission> cut = longer.emissions().stream()
                .filter(e -> !e.sendAt().isBefore(subFrom) && e.sendAt().isBefore(subTo)).toList();
        assertThat(cut).hasSizeGreaterThan(3_000);
        assertThat(alone.emissions()).isEqualTo(cut);
        assertThat(alone.faults()).isEqualTo(longer.faults().stream()
                .filter(f -> !f.sendAt().isBefore(subFrom) && f.sendAt().isBefore(subTo)).toList());
    }

    @Test
    void shouldGenerateTheCasesOfADayTheSameWhetherOrNotEarlierDaysWereGenerated() {
        Instant dayTwo = T0.plus(Duration.ofDays(1));
        Instant dayThree = T0.plus(Duration.ofDays(2));
        Map<String, String> longer = openingLines(Runs.run(CONFIG, T0, dayThree).emissions(), dayTwo, dayThree);
        Map<String, String> alone = openingLines(Runs.run(CONFIG, dayTwo, dayThree).emissions(), dayTwo, dayThree);
        assertThat(alone).hasSizeGreaterThan(500);
        assertThat(alone).isEqualTo(longer);
    }

    @Test
    void shouldGiveOtherOutputAndOtherIdsForAnotherSeed() {
        Runs.Output a = Runs.run(CONFIG, T0, T0.plus(Duration.ofHours(6)));
        Runs.Output b = Runs.run(CONFIG.withSeed(7), T0, T0.plus(Duration.ofHours(6)));
        assertThat(b.lines()).isNotEqualTo(a.lines());
        String tagA = Runs.decode(a.lines().get(0)).id().substring(1, 3);
        String tagB = Runs.decode(b.lines().get(0)).id().substring(1, 3);
        assertThat(tagB).isNotEqualTo(tagA);
    }

    /** The opening events created in [from, to), by id and send time. */
    private static Map<String, String> openingLines(List<Emission> emissions, Instant from, Instant to) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Emission e : emissions) {
            if (!Runs.isOpening(e.line())) {
                continue;
            }
            try {
                CivicEvent event = Runs.decode(e.line());
                if (!event.occurredAt().isBefore(from) && event.occurredAt().isBefore(to)) {
                    out.put(event.id() + "|" + e.sendAt(), e.line());
                }
            } catch (IllegalArgumentException faulty) {
                // a line broken on purpose is compared through the sub-range test
            }
        }
        return out;
    }
}
