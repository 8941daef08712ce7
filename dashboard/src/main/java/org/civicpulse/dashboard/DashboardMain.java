package org.civicpulse.dashboard;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.civicpulse.contract.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the dashboard server from the resolved settings (environment, {@code -Dcivicpulse.*}). */
public final class DashboardMain {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);
    private static final long START_TIMEOUT_SECONDS = 60;

    private DashboardMain() {
    }

    public static void main(String[] args) {
        DashboardConfig config;
        try {
            config = DashboardConfig.fromSettings(Settings.fromEnvironment());
        } catch (IllegalArgumentException e) {
            LOG.error("The dashboard cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        HttpVerticle http = new HttpVerticle();
        try {
            // The main thread waits for the deployment, so a failed bind ends the JVM here.
            vertx.deployVerticle(http, new DeploymentOptions().setConfig(config.toJson()))
                    .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("The dashboard cannot start: {}", e.getMessage(), e);
            closeQuietly(vertx);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(vertx)));
        LOG.info("CivicPulse dashboard ready on http://{}:{}/ ({})",
                displayHost(config.host()), http.port(), config);
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
