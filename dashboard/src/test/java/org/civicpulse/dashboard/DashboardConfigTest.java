package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.junit.jupiter.api.Test;

class DashboardConfigTest {
    private static final Settings SETTINGS = Settings.resolve(Map.of(), new Properties(), Map.of(
            "token", "secret-token",
            "dashboard.port", "18080",
            "clickhouse.reader.password", "reader-secret",
            "flink.rest.port", "18181"));

    @Test
    void shouldCarrySettingsThroughVerticleConfig() {
        DashboardConfig config = DashboardConfig.fromSettings(SETTINGS);

        DashboardConfig copy = DashboardConfig.fromJson(config.toJson());

        assertThat(copy).isEqualTo(config);
        assertThat(copy.port()).isEqualTo(18080);
        assertThat(copy.flinkRestPort()).isEqualTo(18181);
        assertThat(copy.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(copy.checkTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldGiveClickHouseTheReaderUser() {
        Settings clickHouse = DashboardConfig.fromSettings(SETTINGS).clickHouseSettings();

        assertThat(clickHouse.get(Setting.CLICKHOUSE_READER_USER)).isEqualTo("civicpulse_reader");
        assertThat(clickHouse.get(Setting.CLICKHOUSE_READER_PASSWORD)).isEqualTo("reader-secret");
        assertThat(clickHouse.get(Setting.CLICKHOUSE_URL)).isEqualTo("http://127.0.0.1:18123");
    }

    @Test
    void shouldRefuseToStartWithoutToken() {
        assertThatThrownBy(() -> DashboardConfig.fromSettings(SETTINGS.with(Setting.TOKEN, " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CIVICPULSE_TOKEN");
    }

    @Test
    void shouldKeepTokenAndPasswordOutOfItsText() {
        String text = DashboardConfig.fromSettings(SETTINGS).toString();

        assertThat(text).doesNotContain("secret-token").doesNotContain("reader-secret");
    }
}
