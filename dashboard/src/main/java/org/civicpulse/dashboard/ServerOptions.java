package org.civicpulse.dashboard;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * The live server's settings beyond {@link DashboardConfig}: topics, security and limits. Read from
 * the verticle configuration with each {@link Setting}'s default for a missing key, so a verticle
 * deployed with only a {@link DashboardConfig} still starts.
 */
public record ServerOptions(
        String metricsTopic,
        String alertsTopic,
        String alertCommandsTopic,
        String dataDir,
        String usersFile,
        List<String> wsOrigins,
        List<String> corsOrigins,
        Duration staleAfter,
        int apiPerMinute,
        int loginPerMinute,
        int wsQueue,
        Duration rebuildWindow,
        Duration rebuildMargin,
        double[] weights,
        double basicWeight,
        Duration caseListWindow) {

    static final List<Setting> KEYS = List.of(Setting.TOPIC_METRICS_LIVE, Setting.TOPIC_ALERTS_LIVE,
            Setting.TOPIC_ALERT_COMMANDS, Setting.DATA_DIR, Setting.DASHBOARD_USERS,
            Setting.DASHBOARD_WS_ORIGINS, Setting.DASHBOARD_CORS_ORIGINS,
            Setting.DASHBOARD_STALE_AFTER, Setting.DASHBOARD_API_RATE, Setting.DASHBOARD_LOGIN_RATE,
            Setting.DASHBOARD_WS_QUEUE, Setting.DASHBOARD_REBUILD_WINDOW, Setting.DASHBOARD_REBUILD_MARGIN,
            Setting.RATES_WEIGHTS,
            Setting.RATES_BASIC_WEIGHT, Setting.CASE_LIST_WINDOW);

    /** Copies this record's keys from the resolved settings into a verticle configuration. */
    public static JsonObject toJson(Settings settings) {
        JsonObject json = new JsonObject();
        KEYS.forEach(k -> json.put(k.key(), settings.get(k)));
        return json;
    }

    /** Reads (and checks) the keys from a verticle configuration. */
    public static ServerOptions fromJson(JsonObject json) {
        double[] weights = numbers(text(json, Setting.RATES_WEIGHTS));
        if (weights.length != 3) {
            throw new IllegalArgumentException(Setting.RATES_WEIGHTS.key()
                    + " needs three numbers: response, resolution, satisfaction");
        }
        return new ServerOptions(text(json, Setting.TOPIC_METRICS_LIVE),
                text(json, Setting.TOPIC_ALERTS_LIVE), text(json, Setting.TOPIC_ALERT_COMMANDS),
                text(json, Setting.DATA_DIR), text(json, Setting.DASHBOARD_USERS),
                list(text(json, Setting.DASHBOARD_WS_ORIGINS)),
                list(text(json, Setting.DASHBOARD_CORS_ORIGINS)),
                Duration.parse(text(json, Setting.DASHBOARD_STALE_AFTER)),
                positive(json, Setting.DASHBOARD_API_RATE),
                positive(json, Setting.DASHBOARD_LOGIN_RATE),
                positive(json, Setting.DASHBOARD_WS_QUEUE),
                Duration.parse(text(json, Setting.DASHBOARD_REBUILD_WINDOW)),
                Duration.parse(text(json, Setting.DASHBOARD_REBUILD_MARGIN)), weights,
                Double.parseDouble(text(json, Setting.RATES_BASIC_WEIGHT).trim()),
                Duration.parse(text(json, Setting.CASE_LIST_WINDOW)));
    }

    private static String text(JsonObject json, Setting s) {
        Object value = json.getValue(s.key());
        return value == null ? s.defaultValue() : value.toString();
    }

    private static int positive(JsonObject json, Setting s) {
        int n = Integer.parseInt(text(json, s).trim());
        if (n <= 0) {
            throw new IllegalArgumentException(s.key() + " must be positive, not " + n);
        }
        return n;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static double[] numbers(String csv) {
        return list(csv).stream().mapToDouble(Double::parseDouble).toArray();
    }
}
