package org.civicpulse.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.civicpulse.contract.OperatorToken;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the dashboard server from the resolved settings (environment, {@code -Dcivicpulse.*}). */
public final class DashboardMain {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);
    private static final long START_TIMEOUT_SECONDS = 60;

    private DashboardMain() {
    }

    /**
     * Without {@code CIVICPULSE_TOKEN} (a bare {@code docker compose up}), the token kept in the
     * data folder, or a new one kept there and logged once so the operator can open the wall.
     */
    static Settings withOperatorToken(Settings settings) {
        if (!settings.get(Setting.TOKEN).isBlank()) {
            return settings;
        }
        boolean existed = java.nio.file.Files.exists(OperatorToken.file(settings));
        String token;
        try {
            token = OperatorToken.resolve(settings);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("No " + Setting.TOKEN.envVar() + " and no operator token could be kept in "
                    + OperatorToken.file(settings) + ": " + e.getMessage());
        }
        if (!existed) {
            LOG.info("No {} set: generated the operator token {} (kept in {}); open /?token=<token>",
                    Setting.TOKEN.envVar(), token, OperatorToken.file(settings).toAbsolutePath());
        } else {
            LOG.info("No {} set: using the operator token kept in {}", Setting.TOKEN.envVar(),
                    OperatorToken.file(settings).toAbsolutePath());
        }
        return settings.with(Setting.TOKEN, token);
    }

    public static void main(String[] args) {
        DashboardConfig config;
        JsonObject verticleConfig;
        int instances;
        try {
            Settings settings = withOperatorToken(Settings.fromEnvironment());
            config = DashboardConfig.fromSettings(settings);
            verticleConfig = config.toJson().mergeIn(ServerOptions.toJson(settings));
            ServerOptions.fromJson(verticleConfig);
            instances = settings.getInt(Setting.DASHBOARD_INSTANCES);
        } catch (IllegalArgumentException e) {
            LOG.error("The dashboard cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        DashboardServer server = new DashboardServer(verticleConfig);
        try {
            // The main thread waits for the deployment, so a failed bind ends the JVM here.
            server.deploy(vertx, verticleConfig, instances)
                    .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("The dashboard cannot start: {}", e.getMessage(), e);
            closeQuietly(vertx);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(vertx)));
        LOG.info("CivicPulse dashboard ready on http://{}:{}/ ({})",
                displayHost(config.host()), server.port(), config);
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    }

    private static void closeQuietly(Vertx vertx) {
        try {
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
    }
}
