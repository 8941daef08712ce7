package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.civicpulse.storage.ClickHouseDb;

/** Asks Kafka, ClickHouse and the Flink job whether they are up, each within a time limit. */
public final class HealthChecks {
    private static final String FLINK_JOBS = "/jobs/overview";

    private final Vertx vertx;
    private final String kafkaBootstrap;
    private final ClickHouseDb clickHouse;
    private final String flinkRestHost;
    private final int flinkRestPort;
    private final Duration timeout;
    private final HttpClient http;
    private Admin admin;

    public HealthChecks(Vertx vertx, DashboardConfig config, ClickHouseDb clickHouse) {
        this.vertx = vertx;
        this.kafkaBootstrap = config.kafkaBootstrap();
        this.clickHouse = clickHouse;
        this.flinkRestHost = config.flinkRestHost();
        this.flinkRestPort = config.flinkRestPort();
        this.timeout = config.checkTimeout();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout((int) timeout.toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    }

    /** One check's outcome. */
    public record Check(boolean up, String detail) {
        static Check up(String detail) {
            return new Check(true, detail);
        }

        static Check down(String detail) {
            return new Check(false, detail);
        }

        JsonObject toJson() {
            return new JsonObject().put("up", up).put("detail", detail);
        }
    }

    /** All three checks; UP only when every one is. */
    public record Health(Check kafka, Check clickHouse, Check flink) {
        public boolean allUp() {
            return kafka.up() && clickHouse.up() && flink.up();
        }

        public JsonObject toJson() {
            return new JsonObject()
                    .put("status", allUp() ? "UP" : "DEGRADED")
                    .put("checks", new JsonObject()
                            .put("kafka", kafka.toJson())
                            .put("clickhouse", clickHouse.toJson())
                            .put("flink", flink.toJson()));
        }
    }

    /** Runs the three checks side by side; the future never fails, a failure is a DOWN check. */
    public Future<Health> run() {
        Future<Check> kafka = kafka();
        Future<Check> clickHouse = clickHouse();
        Future<Check> flink = flink();
        return Future.join(kafka, clickHouse, flink)
                .map(done -> new Health(kafka.result(), clickHouse.result(), flink.result()));
    }

    /** Kafka: the cluster answers a describe-cluster call. */
    public Future<Check> kafka() {
        return vertx.executeBlocking(this::describeKafka, false)
                .recover(e -> Future.succeededFuture(Check.down(reason(e))));
    }

    /** ClickHouse: the read-only user's client answers a ping. */
    public Future<Check> clickHouse() {
        return vertx.executeBlocking(clickHouse::ping, false)
                .map(up -> up ? Check.up("ping answered")
                        : Check.down("did not answer a ping"))
                .recover(e -> Future.succeededFuture(Check.down(reason(e))));
    }

    /** Flink: the local job's REST API lists a RUNNING job. */
    public Future<Check> flink() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(flinkRestHost).setPort(flinkRestPort).setURI(FLINK_JOBS)
                .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis());
        return http.request(request)
                .compose(req -> req.send())
                .compose(resp -> resp.statusCode() == 200 ? resp.body()
                        : Future.failedFuture("Flink REST answered HTTP " + resp.statusCode()))
                .map(body -> flinkCheck(body.toJsonObject()))
                .recover(e -> Future.succeededFuture(Check.down(reason(e))));
    }

    /** Reads {@code /jobs/overview}: up when some job is RUNNING. */
    static Check flinkCheck(JsonObject overview) {
        JsonArray jobs = overview.getJsonArray("jobs", new JsonArray());
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            JsonObject job = jobs.getJsonObject(i);
            String line = job.getString("name", "?") + ": " + job.getString("state", "?");
            if ("RUNNING".equals(job.getString("state"))) {
                return Check.up(line);
            }
            seen.add(line);
        }
        return Check.down(seen.isEmpty() ? "no job submitted"
                : "no running job (" + String.join(", ", seen) + ")");
    }

    /** Releases the Kafka admin client and the HTTP client. */
    public Future<Void> close() {
        Future<Void> closeAdmin = vertx.executeBlocking(() -> {
            closeAdmin();
            return null;
        });
        return Future.join(closeAdmin, http.close()).mapEmpty();
    }

    private Check describeKafka() throws Exception {
        DescribeClusterResult result = admin().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = result.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int brokers = result.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        return Check.up("cluster " + clusterId + ", " + brokers + " broker(s)");
    }

    // One admin client for the life of the verticle, made on first use (on a worker thread:
    // creating it resolves the bootstrap addresses).
    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "civicpulse-dashboard-health");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            admin = Admin.create(props);
        }
        return admin;
    }

    private synchronized void closeAdmin() {
        if (admin != null) {
            admin.close(timeout);
            admin = null;
        }
    }

    private String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return Replies.describe(cause);
    }
}
