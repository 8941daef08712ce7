package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook against a real local HTTP endpoint that fails on purpose. */
class WebhookNotifierTest {
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int failuresLeft;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft-- > 0 ? 503 : 204;
            if (status == 204) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Test
    void shouldRetryAFailingWebhookUntilItAccepts() throws Exception {
        failuresLeft = 2;
        try (WebhookNotifier notifier = new WebhookNotifier(hook(), 5, Duration.ofMillis(20))) {
            assertThat(notifier.post("{\"reason\":\"NEW\"}").get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(calls.get()).isEqualTo(3);
        assertThat(received).containsExactly("{\"reason\":\"NEW\"}");
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWithoutThrowing() throws Exception {
        failuresLeft = 100;
        try (WebhookNotifier notifier = new WebhookNotifier(hook(), 3, Duration.ofMillis(10))) {
            assertThat(notifier.post("{}").get(10, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(calls.get()).isEqualTo(3);
        assertThat(received).isEmpty();
    }

    @Test
    void shouldGiveUpOnAnEndpointThatIsNotThere() throws Exception {
        URI nowhere = hook();
        server.stop(0);
        try (WebhookNotifier notifier = new WebhookNotifier(nowhere, 2, Duration.ofMillis(10))) {
            assertThat(notifier.post("{}").get(20, TimeUnit.SECONDS)).isFalse();
        }
    }
}
