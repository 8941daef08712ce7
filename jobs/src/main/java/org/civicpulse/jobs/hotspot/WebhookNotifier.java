package org.civicpulse.jobs.hotspot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts JSON notifications to a webhook without ever holding up the pipeline: each post runs
 * asynchronously and is retried on an error or a non-2xx answer with doubling backoff, up to a
 * number of attempts, then logged and dropped. At most {@link #IN_FLIGHT} notifications wait at
 * once; beyond that a new one is dropped with a warning rather than queued without bound.
 */
public final class WebhookNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    static final int IN_FLIGHT = 1000;
    private final URI url;
    private final int attempts;
    private final Duration firstBackoff;
    private final HttpClient http;
    private final ScheduledExecutorService retries;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);

    public WebhookNotifier(URI url, int attempts, Duration firstBackoff) {
        this.url = url;
        this.attempts = Math.max(1, attempts);
        this.firstBackoff = firstBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-retries");
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends {@code json}; the future completes with true once delivered, false once given up. */
    public CompletableFuture<Boolean> post(String json) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (!slots.tryAcquire()) {
            LOG.warn("Webhook {} is behind by {} notifications: dropping one", url, IN_FLIGHT);
            done.complete(false);
            return done;
        }
        done.whenComplete((ok, e) -> slots.release());
        attempt(json, 1, done);
        return done;
    }

    private void attempt(String json, int attempt, CompletableFuture<Boolean> done) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                done.complete(true);
                return;
            }
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            if (attempt >= attempts) {
                LOG.warn("Webhook {} failed {} times ({}): notification dropped", url, attempt, why);
                done.complete(false);
                return;
            }
            long delay = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
            LOG.info("Webhook {} attempt {} failed ({}); retrying in {} ms", url, attempt, why, delay);
            retries.schedule(() -> attempt(json, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
