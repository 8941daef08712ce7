package org.civicpulse.local.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.ChildProcess;
import org.civicpulse.local.StackLayout;
import org.civicpulse.storage.ClickHouseDb;

/**
 * Sustained throughput on a running stack (issue 8): the simulator's mix at a fixed rate for a
 * whole step (default 5 minutes), rate after rate, while the job's consumer lag is sampled every
 * 5 s from its committed offsets. A step is bounded when, over its second half, the lag grows by
 * less than 2% of the offered rate and stays under 30 s worth of input. The knee is the last
 * bounded rate.
 *
 * <p>The job commits its offsets only when a checkpoint completes (every 10 s), so the committed
 * lag is a sawtooth of about ten seconds of input even when the job keeps up. The growth is the
 * least-squares slope of the lowest lag of each 30 s of the second half (the troughs just after a
 * commit), not of two single samples, which a sawtooth can put anywhere between a trough and a peak. Also per step: ClickHouse's largest part count in one partition and the rate raw
 * rows were inserted. Prints Markdown rows.
 *
 * <p>Usage: {@code SustainedBenchmark STEP_SECONDS RATE [RATE ...]}
 */
public final class SustainedBenchmark {
    private static final Duration SAMPLE = Duration.ofSeconds(5);

    private SustainedBenchmark() {
    }

    record Step(int offered, double consumed, long finalLag, double lagSlope, int maxPartsPerPartition,
                double rawInsertRate, boolean bounded) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Settings s = Settings.fromEnvironment();
        StackLayout layout = StackLayout.detect();
        System.out.println("| offered | consumed | lag at end | lag growth (2nd half) | max parts in a partition "
                + "| raw rows inserted | bounded |");
        System.out.println("|---|---|---|---|---|---|---|");
        int knee = 0;
        int[] rates = new int[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            rates[i - 1] = Integer.parseInt(args[i]);
        }
        List<Instant[]> ranges = ranges(rates, seconds, Instant.now());
        for (int i = 0; i < rates.length; i++) {
            Step step = run(s, layout, rates[i], seconds, ranges.get(i));
            System.out.printf("| %,d ev/s | %,.0f ev/s | %,d | %+,.0f ev/s | %d | %,.0f rows/s | %s |%n", step.offered(),
                    step.consumed(), step.finalLag(), step.lagSlope(), step.maxPartsPerPartition(),
                    step.rawInsertRate(), step.bounded() ? "yes" : "no");
            if (!step.bounded()) {
                break;
            }
            knee = step.offered();
        }
        System.out.printf("%nKnee (highest rate with bounded lag): %s%n",
                knee == 0 ? "below the first rate" : String.format("%,d events/s", knee));
    }

    /** Simulated events per day of the mix at scale 1 that a step's range is sized for (it has ~150,000). */
    static final int EVENTS_PER_DAY = 120_000;

    /**
     * Each step's simulated range, one after another and ending now: every step sends events the
     * job has not seen, later than the last step's. (Each step replaying the same last 30 days made
     * every step after the first start with the previous steps' events again: duplicates and late
     * events, which the job drops cheaply, inflating the rate it seemed to sustain.)
     */
    static List<Instant[]> ranges(int[] rates, int seconds, Instant now) {
        long[] days = new long[rates.length];
        long total = 0;
        for (int i = 0; i < rates.length; i++) {
            days[i] = Math.max(1, (long) Math.ceil((double) rates[i] * seconds / EVENTS_PER_DAY));
            total += days[i];
        }
        List<Instant[]> ranges = new ArrayList<>();
        Instant from = now.minus(Duration.ofDays(total));
        for (long d : days) {
            Instant to = from.plus(Duration.ofDays(d));
            ranges.add(new Instant[] {from, to});
            from = to;
        }
        return ranges;
    }

    static Step run(Settings s, StackLayout layout, int rate, int seconds, Instant[] range) throws Exception {
        List<double[]> samples = new ArrayList<>(); // {seconds since start, lag, committed}
        long rawBefore = rawRows(s);
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        jvm.addAll(s.asJvmOptions());
        try (Admin admin = admin(s);
             ChildProcess sim = ChildProcess.start("simulator", ChildProcess.javaCommand(layout.simulatorClasspath(), jvm,
                     "org.civicpulse.simulator.SimulatorMain", List.of("rate", "--eps", Integer.toString(rate),
                             "--seconds", Integer.toString(seconds), "--from", range[0].toString(),
                             "--to", range[1].toString(), "--quiet")),
                     s.dataDir().resolve("logs/sustained-" + rate + ".log"), s.secretsAsEnvironment())) {
            long t0 = System.nanoTime();
            while (sim.isAlive() && System.nanoTime() - t0 < Duration.ofSeconds(seconds + 30).toNanos()) {
                long[] lag = lag(admin, s);
                samples.add(new double[] {(System.nanoTime() - t0) / 1e9, lag[0], lag[1]});
                Thread.sleep(SAMPLE.toMillis()); // sampling interval of the lag
            }
        }
        double elapsed = samples.get(samples.size() - 1)[0];
        double[] first = samples.get(0);
        double[] last = samples.get(samples.size() - 1);
        double consumed = (last[2] - first[2]) / Math.max(1, last[0] - first[0]);
        List<double[]> secondHalf = samples.subList(samples.size() / 2, samples.size());
        double slope = lagGrowth(secondHalf);
        return new Step(rate, consumed, (long) last[1], slope, maxPartsPerPartition(s),
                (rawRows(s) - rawBefore) / Math.max(1, elapsed), bounded(secondHalf, rate));
    }

    /** Samples per trough window: 30 s of 5 s samples, three checkpoint periods. */
    static final int TROUGH_WINDOW = 6;

    /** Bounded: the lag grows by less than 2% of the rate and stays under 30 s of input. */
    static boolean bounded(List<double[]> secondHalf, int rate) {
        double maxLag = 0;
        for (double[] sample : secondHalf) {
            maxLag = Math.max(maxLag, sample[1]);
        }
        return lagGrowth(secondHalf) < 0.02 * rate && maxLag < 30.0 * rate;
    }

    /** Events/s by which the lag grows: the slope of the lowest lag of each window of samples. */
    static double lagGrowth(List<double[]> samples) {
        List<double[]> troughs = new ArrayList<>();
        for (int from = 0; from + TROUGH_WINDOW <= samples.size(); from += TROUGH_WINDOW) {
            double[] lowest = samples.get(from);
            for (double[] sample : samples.subList(from, from + TROUGH_WINDOW)) {
                if (sample[1] < lowest[1]) {
                    lowest = sample;
                }
            }
            troughs.add(lowest);
        }
        return slope(troughs.size() >= 2 ? troughs : samples);
    }

    /** Least-squares slope of lag over time; 0 for fewer than two points. */
    static double slope(List<double[]> points) {
        if (points.size() < 2) {
            return 0;
        }
        double meanT = 0;
        double meanLag = 0;
        for (double[] p : points) {
            meanT += p[0] / points.size();
            meanLag += p[1] / points.size();
        }
        double covariance = 0;
        double variance = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanT) * (p[1] - meanLag);
            variance += (p[0] - meanT) * (p[0] - meanT);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    /** {total lag, total committed} of the job's consumer group over the input topics. */
    static long[] lag(Admin admin, Settings s) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(s.get(Setting.KAFKA_GROUP))
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(s.get(Setting.TOPIC_HOTLINE), s.get(Setting.TOPIC_GRID), s.get(Setting.TOPIC_INSPECTION))) {
            for (var p : admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()) {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            }
        }
        long lag = 0;
        long done = 0;
        for (var e : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long at = c == null ? 0 : c.offset();
            lag += Math.max(0, e.getValue().offset() - at);
            done += at;
        }
        return new long[] {lag, done};
    }

    static int maxPartsPerPartition(Settings s) {
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            return (int) db.queryLong("SELECT max(c) FROM (SELECT table, partition, count() AS c FROM system.parts "
                    + "WHERE active AND database = currentDatabase() GROUP BY table, partition)");
        }
    }

    static long rawRows(Settings s) {
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            return db.queryLong("SELECT count() FROM raw_events");
        }
    }

    static Admin admin(Settings s) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        return Admin.create(p);
    }
}
