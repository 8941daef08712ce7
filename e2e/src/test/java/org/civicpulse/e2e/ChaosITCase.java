package org.civicpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.StackLayout;
import org.civicpulse.local.chaos.ChaosMain;
import org.junit.jupiter.api.Test;

/**
 * The fast part of {@code ./civicpulse chaos} in every test run: {@code kill -9} of the Flink
 * job's JVM under load, then every acknowledged event counted exactly once in raw storage and in
 * the metrics, with no gap in the city's minute series.
 */
class ChaosITCase {
    @Test
    void shouldLoseNothingAndCountNothingTwiceWhenTheJobIsKilledUnderLoad() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int status = ChaosMain.run(List.of("--faults", "KILL_FLINK", "--eps", "1000", "--seconds", "30"),
                Settings.fromEnvironment(), new StackLayout(Path.of("..").toAbsolutePath().normalize()),
                new PrintStream(report, true, StandardCharsets.UTF_8));
        String table = report.toString(StandardCharsets.UTF_8);
        System.out.println(table); // the measured recovery time, in the build log
        assertThat(table).contains("| kill -9 of the Flink job's JVM | 1,000 ev/s |", "| exact |");
        assertThat(status).as(table).isZero();
    }
}
