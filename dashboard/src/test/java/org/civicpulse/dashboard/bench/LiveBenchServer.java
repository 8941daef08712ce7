package org.civicpulse.dashboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.dashboard.DashboardConfig;
import org.civicpulse.dashboard.DashboardServer;
import org.civicpulse.dashboard.ServerOptions;
import org.civicpulse.local.LocalServices;

/**
 * Benchmark server process: a private Kafka + ClickHouse, the dashboard server, and one city
 * metrics update a second on the live topic. Writes its port to the file given as argument. On
 * SIGTERM (bench/live.sh ending) a shutdown hook closes Vert.x, stops the private Kafka and
 * ClickHouse and deletes their folder, so nothing outlives the benchmark.
 */
public final class LiveBenchServer {
    private LiveBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        LocalServices services = LocalServices.startForBenchmark();
        Vertx vertx = Vertx.vertx();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx, services),
                "live-bench-shutdown"));
        Settings s = services.isolated("bench").with(Setting.DASHBOARD_PORT, "0")
                .with(Setting.TOKEN, "bench-token").with(Setting.DASHBOARD_HOST, "127.0.0.1")
                .with(Setting.DASHBOARD_API_RATE, "1000000");
        JsonObject config = DashboardConfig.fromSettings(s).toJson().mergeIn(ServerOptions.toJson(s));
        DashboardServer server = new DashboardServer(config);
        server.deploy(vertx, config, Integer.parseInt(args.length > 1 ? args[1] : "2")).await();
        Files.writeString(Path.of(args[0]), Integer.toString(server.port()));
        Properties p = new Properties();
        p.put("bootstrap.servers", s.get(Setting.KAFKA_BOOTSTRAP));
        p.put("linger.ms", "0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (long i = 0; ; i++) {
                String asOf = java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .withNano(0).toString();
                String record = "{\"scope\":\"city\",\"kind\":\"city\",\"asOf\":\"" + asOf
                        + "\",\"gauges\":{\"open\":" + i + "},\"today\":{\"created_hotline\":" + i + "}}";
                producer.send(new ProducerRecord<>(s.get(Setting.TOPIC_METRICS_LIVE), "city", record));
                if (i % 10 == 0) {
                    // The client times only deltas written as they came: held-back ones (coalesced
                    // into a batch or a snapshot) must stay at 0 for its percentiles to hold.
                    System.out.println("update " + i + " clients=" + server.metrics().clients()
                            + " pushed=" + server.metrics().pushedTotal()
                            + " held_back=" + server.metrics().coalescedTotal()
                            + " overflows=" + server.metrics().overflows());
                }
                Thread.sleep(1000); // the benchmark's update rate (1/s), not synchronisation
            }
        }
    }

    private static void stop(Vertx vertx, LocalServices services) {
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("Vert.x did not close: " + e);
        }
        services.close();
        System.out.println("stopped: Vert.x, the private Kafka and ClickHouse; deleted " + services.base().dataDir());
    }
}
