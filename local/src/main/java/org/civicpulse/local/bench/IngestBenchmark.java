package org.civicpulse.local.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.Replayer;
import org.civicpulse.local.Wait;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.EventQueries;

/**
 * Measures the sustained rate replay → Kafka → Flink → ClickHouse on a running stack: writes N
 * valid events to a JSONL file, replays it at full speed and waits until every event is readable
 * through the product's read path (FINAL). Prints one Markdown table row per figure.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Settings settings = Settings.fromEnvironment();
        Path file = Files.createTempFile("civicpulse-bench-", ".jsonl");
        try {
            write(file, n);
            try (ClickHouseDb db = ClickHouseDb.writer(settings)) {
                EventQueries q = new EventQueries(db);
                long before = q.rawCount();
                long t0 = System.nanoTime();
                Replayer.Summary replay = new Replayer(settings, System.err).replay(file, 0);
                Wait.until(n + " events in ClickHouse", Duration.ofMinutes(30), () -> q.rawCount() >= before + n);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("| replay → Kafka (publish only) | %d events | %.1f s | %,.0f events/s |%n",
                        n, replay.seconds(), n / replay.seconds());
                System.out.printf("| replay → Kafka → Flink → ClickHouse, all readable through FINAL | %d events "
                        + "| %.1f s | %,.0f events/s |%n", n, seconds, n / seconds);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** N valid CREATED events over the 16 districts and the catalogue's categories, one per 10 ms of a day. */
    static void write(Path file, int n) throws Exception {
        Catalogue catalogue = Catalogue.load();
        List<Catalogue.District> districts = catalogue.districts();
        List<Catalogue.Category> categories = catalogue.categories();
        String[] sources = {"HOTLINE", "GRID"};
        Instant t0 = Instant.parse("2026-11-19T16:00:00Z");
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String at = t0.plusMillis(i * 10L).atOffset(ZoneOffset.ofHours(8)).toString();
                w.write("{\"id\":\"bench-" + run + "-" + i + "\",\"source\":\"" + sources[i % 2]
                        + "\",\"type\":\"CREATED\",\"caseId\":\"bc-" + run + "-" + i + "\",\"occurredAt\":\"" + at
                        + "\",\"district\":\"" + districts.get(i % districts.size()).code() + "\",\"category\":\""
                        + categories.get((i / 16) % categories.size()).code() + "\"}\n");
            }
        }
    }
}
