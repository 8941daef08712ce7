package org.civicpulse.dashboard;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/** Verticle configurations for tests without backends: every backend on a port nothing answers. */
final class StandaloneConfig {
    static final String TOKEN = "right-token-0123456789";

    private StandaloneConfig() {
    }

    /** The dashboard's configuration on {@code port} (0: any free one). */
    static DashboardConfig dashboard(int port) {
        return new DashboardConfig("127.0.0.1", port, TOKEN, "127.0.0.1:" + closedPort(),
                "http://127.0.0.1:" + closedPort(), "civicpulse", "civicpulse_reader",
                "reader-password", "127.0.0.1", closedPort(), Duration.ofMillis(500));
    }

    /** The configuration on any free port, with server options (setting key → value) added. */
    static JsonObject withOptions(JsonObject options) {
        return dashboard(0).toJson().mergeIn(options);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
