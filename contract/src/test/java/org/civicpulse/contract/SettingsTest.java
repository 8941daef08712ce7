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
    void shouldExplainAnInvalidValue() {
        Settings s = Settings.defaults().with(Setting.ALLOWED_LATENESS, "6 hours").with(Setting.DASHBOARD_PORT, "x");
        assertThatThrownBy(() -> s.getDuration(Setting.ALLOWED_LATENESS))
                .hasMessageContaining("CIVICPULSE_ALLOWED_LATENESS").hasMessageContaining("PT1S");
        assertThatThrownBy(() -> s.getInt(Setting.DASHBOARD_PORT)).hasMessageContaining("whole number");
        assertThat(Settings.defaults().getDuration(Setting.ALLOWED_LATENESS)).isEqualTo(Duration.ofHours(6));
    }
}
