package org.civicpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.junit.jupiter.api.Test;

class FlinkJobProcessTest {
    private static Settings heap(String value) {
        return Settings.resolve(Map.of(), new Properties(), Map.of(Setting.FLINK_JOB_HEAP.key(), value));
    }

    @Test
    void shouldPassAJvmSizeToTheJobJvm() {
        assertThat(FlinkJobProcess.heap(Settings.defaults())).isEqualTo("4g");
        assertThat(FlinkJobProcess.heap(heap(" 6144m "))).isEqualTo("6144m");
        assertThat(FlinkJobProcess.heap(heap("512M"))).isEqualTo("512M");
        assertThat(FlinkJobProcess.heap(heap("1048576k"))).isEqualTo("1048576k");
        assertThat(FlinkJobProcess.heapMebibytes(heap("1048576k"))).isEqualTo(1024);
        assertThat(FlinkJobProcess.heapMebibytes(heap("3g"))).isEqualTo(3072);
    }

    @Test
    void shouldRefuseAHeapTheJvmWouldNotReadWithTheVariableToFix() {
        for (String bad : List.of("", "2", "2 g", "2gb", "0g", "-1g", "2g -XX:+Foo", "256m", "1k",
                "99999999999999999999g")) {
            assertThatThrownBy(() -> FlinkJobProcess.heap(heap(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CIVICPULSE_FLINK_JOB_HEAP");
        }
    }

    @Test
    void shouldGiveTheOperatorsJvmOnlyOptionsThisJavaStartsWith() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(FlinkJobProcess.OPERATOR_JVM_OPTIONS);
        cmd.add("-version");
        Process jvm = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor()).as(output).isZero();
        if (Runtime.version().feature() <= 17) {
            assertThat(FlinkJobProcess.OPERATOR_JVM_OPTIONS).contains("-XX:+UseBiasedLocking");
        }
    }
}
