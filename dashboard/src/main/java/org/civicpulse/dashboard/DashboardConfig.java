package org.civicpulse.dashboard;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/** What the dashboard's verticles need to know, carried to them as their {@code config()}. */
public record DashboardConfig(
        String host,
        int port,
        String token,
        String kafkaBootstrap,
        String clickHouseUrl,
        String clickHouseDatabase,
        String clickHouseReaderUser,
        String clickHouseReaderPassword,
        String flinkRestHost,
        int flinkRestPort,
        Duration checkTimeout) {

    /** Not a {@link Setting}: how long one health check may take before it counts as down. */
    static final String CHECK_TIMEOUT_MS = "check.timeout.ms";
    static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(2);

    public DashboardConfig {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No operator token: set " + Setting.TOKEN.envVar()
                    + " or -Dcivicpulse." + Setting.TOKEN.key());
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Dashboard port " + port + " is out of range");
        }
    }

    /** The dashboard's part of the resolved settings. */
    public static DashboardConfig fromSettings(Settings s) {
        return new DashboardConfig(s.get(Setting.DASHBOARD_HOST), s.getInt(Setting.DASHBOARD_PORT),
                s.get(Setting.TOKEN), s.get(Setting.KAFKA_BOOTSTRAP), s.get(Setting.CLICKHOUSE_URL),
                s.get(Setting.CLICKHOUSE_DATABASE), s.get(Setting.CLICKHOUSE_READER_USER),
                s.get(Setting.CLICKHOUSE_READER_PASSWORD), s.get(Setting.FLINK_REST_HOST),
                s.getInt(Setting.FLINK_REST_PORT),
                DEFAULT_CHECK_TIMEOUT);
    }

    /** Reads a verticle configuration written by {@link #toJson()}. */
    public static DashboardConfig fromJson(JsonObject json) {
        return new DashboardConfig(json.getString(Setting.DASHBOARD_HOST.key()),
                json.getInteger(Setting.DASHBOARD_PORT.key()), json.getString(Setting.TOKEN.key()),
                json.getString(Setting.KAFKA_BOOTSTRAP.key()),
                json.getString(Setting.CLICKHOUSE_URL.key()),
                json.getString(Setting.CLICKHOUSE_DATABASE.key()),
                json.getString(Setting.CLICKHOUSE_READER_USER.key()),
                json.getString(Setting.CLICKHOUSE_READER_PASSWORD.key()),
                json.getString(Setting.FLINK_REST_HOST.key(), "127.0.0.1"),
                json.getInteger(Setting.FLINK_REST_PORT.key()),
                Duration.ofMillis(
                        json.getLong(CHECK_TIMEOUT_MS, DEFAULT_CHECK_TIMEOUT.toMillis())));
    }

    /** The verticle configuration, keyed by the setting keys. */
    public JsonObject toJson() {
        return new JsonObject()
                .put(Setting.DASHBOARD_HOST.key(), host)
                .put(Setting.DASHBOARD_PORT.key(), port)
                .put(Setting.TOKEN.key(), token)
                .put(Setting.KAFKA_BOOTSTRAP.key(), kafkaBootstrap)
                .put(Setting.CLICKHOUSE_URL.key(), clickHouseUrl)
                .put(Setting.CLICKHOUSE_DATABASE.key(), clickHouseDatabase)
                .put(Setting.CLICKHOUSE_READER_USER.key(), clickHouseReaderUser)
                .put(Setting.CLICKHOUSE_READER_PASSWORD.key(), clickHouseReaderPassword)
                .put(Setting.FLINK_REST_HOST.key(), flinkRestHost)
                .put(Setting.FLINK_REST_PORT.key(), flinkRestPort)
                .put(CHECK_TIMEOUT_MS, checkTimeout.toMillis());
    }

    /** Settings for {@code ClickHouseDb.reader}: only these keys, never the environment. */
    public Settings clickHouseSettings() {
        return Settings.resolve(Map.of(), new Properties(), Map.of(
                Setting.CLICKHOUSE_URL.key(), clickHouseUrl,
                Setting.CLICKHOUSE_DATABASE.key(), clickHouseDatabase,
                Setting.CLICKHOUSE_READER_USER.key(), clickHouseReaderUser,
                Setting.CLICKHOUSE_READER_PASSWORD.key(), clickHouseReaderPassword));
    }

    /** The same configuration with another port (tests use port 0). */
    public DashboardConfig withPort(int newPort) {
        return new DashboardConfig(host, newPort, token, kafkaBootstrap, clickHouseUrl,
                clickHouseDatabase, clickHouseReaderUser, clickHouseReaderPassword, flinkRestHost,
                flinkRestPort, checkTimeout);
    }

    @Override
    public String toString() {
        // Logs must never carry the token or the password.
        return "DashboardConfig[" + host + ":" + port + ", kafka=" + kafkaBootstrap
                + ", clickhouse=" + clickHouseUrl + "/" + clickHouseDatabase + " as "
                + clickHouseReaderUser + ", flink=" + flinkRestHost + ":" + flinkRestPort
                + ", checkTimeout=" + checkTimeout + "]";
    }
}
