package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void shouldLayerDefaultsEnvironmentSystemPropertiesAndOverrides() {
        Properties system = new Properties();
        system.setProperty("civicpulse.dashboard.port", "9090");
        Settings s = Settings.resolve(Map.of("CIVICPULSE_KAFKA_BOOTSTRAP", "kafka:9092",
                "CIVICPULSE_DASHBOARD_PORT", "7070"), system, Map.of("topic.grid", "g"));
        assertThat(s.get(Setting.KAFKA_BOOTSTRAP)).isEqualTo("kafka:9092");
        assertThat(s.getInt(Setting.DASHBOARD_PORT)).isEqualTo(9090);
        assertThat(s.get(Setting.TOPIC_GRID)).isEqualTo("g");
        assertThat(s.get(Setting.TOPIC_HOTLINE)).isEqualTo("civic.hotline");
    }

    @Test
    void shouldDeriveTheEnvironmentVariableFromTheKey() {
        assertThat(Setting.WATERMARK_OUT_OF_ORDERNESS.envVar()).isEqualTo("CIVICPULSE_WATERMARK_OUT_OF_ORDERNESS");
        assertThat(Setting.CLICKHOUSE_READER_PASSWORD.envVar()).isEqualTo("CIVICPULSE_CLICKHOUSE_READER_PASSWORD");
    }

    @Test
    void shouldHandTheOperatorTokenToAChildInItsEnvironmentNotOnItsCommandLine() {
        Settings s = Settings.defaults().with(Setting.TOKEN, "operator-secret-0123").with(Setting.DASHBOARD_PORT, "7070");
        assertThat(s.asJvmOptions()).contains("-Dcivicpulse.dashboard.port=7070")
                .noneMatch(o -> o.contains("operator-secret-0123") || o.startsWith("-Dcivicpulse.token="));
        Map<String, String> env = s.secretsAsEnvironment();
        assertThat(env).containsEntry("CIVICPULSE_TOKEN", "operator-secret-0123");
        // The child resolves its settings from that environment and the command line's properties.
        Properties commandLine = new Properties();
        s.asSystemProperties().forEach(commandLine::setProperty);
        Settings child = Settings.resolve(env, commandLine, Map.of());
        assertThat(child.get(Setting.TOKEN)).isEqualTo("operator-secret-0123");
        assertThat(child.getInt(Setting.DASHBOARD_PORT)).isEqualTo(7070);
        assertThat(Settings.defaults().secretsAsEnvironment()).as("no token set, none handed on")
                .doesNotContainKey("CIVICPULSE_TOKEN");
    }

    @Test
    void shouldHandClickHousePasswordsToAChildInItsEnvironmentNotOnItsCommandLine() {
        Settings s = Settings.defaults().with(Setting.CLICKHOUSE_PASSWORD, "w-secret-42")
                .with(Setting.CLICKHOUSE_READER_PASSWORD, "r-secret-42");
        assertThat(s.asJvmOptions()).noneMatch(o -> o.contains("secret-42") || o.contains("password"));
        assertThat(s.secretsAsEnvironment()).containsEntry("CIVICPULSE_CLICKHOUSE_PASSWORD", "w-secret-42")
                .containsEntry("CIVICPULSE_CLICKHOUSE_READER_PASSWORD", "r-secret-42");
        Properties commandLine = new Properties();
        s.asSystemProperties().forEach(commandLine::setProperty);
        Settings child = Settings.resolve(s.secretsAsEnvironment(), commandLine, Map.of());
        assertThat(child.get(Setting.CLICKHOUSE_PASSWORD)).isEqualTo("w-secret-42");
        assertThat(child.get(Setting.CLICKHOUSE_READER_PASSWORD)).isEqualTo("r-secret-42");
        // A user without a password (ClickHouse's default user) stays without one in the child.
        Settings none = Settings.defaults().with(Setting.CLICKHOUSE_PASSWORD, "");
        assertThat(Settings.resolve(none.secretsAsEnvironment(), new Properties(), Map.of())
                .get(Setting.CLICKHOUSE_PASSWORD)).isEmpty();
    }

    @Test
    void shouldExplainAnInvalidValue() {
        Settings s = Settings.defaults().with(Setting.ALLOWED_LATENESS, "6 hours").with(Setting.DASHBOARD_PORT, "x");
        assertThatThrownBy(() -> s.getDuration(Setting.ALLOWED_LATENESS))
                .hasMessageContaining("CIVICPULSE_ALLOWED_LATENESS").hasMessageContaining("PT1S");
        assertThatThrownBy(() -> s.getInt(Setting.DASHBOARD_PORT)).hasMessageContaining("whole number");
        assertThat(Settings.defaults().getDuration(Setting.ALLOWED_LATENESS)).isEqualTo(Duration.ofHours(6));
    }
}
