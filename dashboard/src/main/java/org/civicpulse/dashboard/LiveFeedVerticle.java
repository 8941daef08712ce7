package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndTimestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicpulse.storage.ClickHouseDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Vert.x Kafka consumer per live topic (metrics, alerts) feeding {@link LiveState}; each change
 * becomes delta frames published on the event bus for the HTTP verticles to fan out. The consumers
 * join no group: every server reads every partition. On start the state is rebuilt from ClickHouse
 * and the topics: {@link StoredLiveState} loads the newest stored values and says from when each
 * topic is replayed.
 */
public final class LiveFeedVerticle extends VerticleBase {
    /** Event-bus address of the delta frames (local only, with {@link FrameCodec}). */
    public static final String FRAMES = "civicpulse.live.frames";
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeedVerticle.class);
    private static final long LAG_INTERVAL_MS = 5_000;

    private final LiveState state;
    private final AlertViews alertViews;
    private final ServerMetrics metrics;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private static final long CLOSE_TIMEOUT_MS = 10_000;
    private KafkaConsumer<String, byte[]> metricsConsumer;
    private KafkaConsumer<String, byte[]> alertsConsumer;
    private long lagTimer = -1;
    private String metricsTopic;

    public LiveFeedVerticle(LiveState state, AlertViews alertViews, ServerMetrics metrics) {
        this.state = state;
        this.alertViews = alertViews;
        this.metrics = metrics;
    }

    /** Whether both topics have been read up to where they ended when the server started. */
    public boolean caughtUp() {
        return caughtUp.get();
    }

    @Override
    public Future<?> start() {
        FrameCodec.register(vertx);
        ServerOptions options = ServerOptions.fromJson(config());
        DashboardConfig dashboard = DashboardConfig.fromJson(config());
        metricsTopic = options.metricsTopic();
        // ClickHouse first (off the event loop), then the topics from just before what it held.
        return vertx.executeBlocking(() -> readStored(dashboard, options))
                .compose(from -> followTopics(dashboard.kafkaBootstrap(), options, from));
    }

    private StoredLiveState.ReplayFrom readStored(DashboardConfig dashboard, ServerOptions options) {
        try (ClickHouseDb reader = ClickHouseDb.reader(dashboard.clickHouseSettings())) {
            return StoredLiveState.load(new DashboardQueries(reader, metrics), state, alertViews,
                    options, System.currentTimeMillis());
        }
    }

    private Future<?> followTopics(String bootstrap, ServerOptions options,
            StoredLiveState.ReplayFrom from) {
        metricsConsumer = consumer(bootstrap);
        alertsConsumer = consumer(bootstrap);
        Future<Map<TopicPartition, Long>> metricsEnd = follow(metricsConsumer,
                options.metricsTopic(), this::onMetrics, from.metricsMs());
        Future<Map<TopicPartition, Long>> alertsEnd = follow(alertsConsumer,
                options.alertsTopic(), this::onAlert, from.alertsMs());
        // Start-up does not wait for the replay: readiness (/health "live") reports it instead.
        Future.all(metricsEnd, alertsEnd).onSuccess(all -> {
            Map<TopicPartition, Long> ends = new HashMap<>(metricsEnd.result());
            ends.putAll(alertsEnd.result());
            watchCatchUp(ends);
        });
        lagTimer = vertx.setPeriodic(LAG_INTERVAL_MS, id -> {
            measureLag(metricsConsumer, options.metricsTopic());
            measureLag(alertsConsumer, options.alertsTopic());
        });
        return Future.all(metricsEnd, alertsEnd);
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(lagTimer);
        // Bounded: in one CI run a consumer's close never completed (its poll thread kept polling),
        // and an unbounded stop held the server's whole shutdown (and that test) forever.
        return Future.join(close(metricsConsumer), close(alertsConsumer))
                .timeout(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .recover(e -> {
                    LOG.warn("Live topic consumers not closed within {} ms, stopping anyway: {}", CLOSE_TIMEOUT_MS,
                            e.toString());
                    return Future.succeededFuture();
                });
    }

    private KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        config.put("value.deserializer",
                "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        config.put("enable.auto.commit", "false");
        config.put("auto.offset.reset", "earliest");
        config.put("client.id", "civicpulse-dashboard-" + UUID.randomUUID());
        // Live values: fetch what is there at once rather than waiting to fill a batch.
        config.put("fetch.max.wait.ms", "50");
        return KafkaConsumer.create(vertx, config);
    }

    /** Assigns every partition, seeks to the rebuild point and returns the end offsets found. */
    private Future<Map<TopicPartition, Long>> follow(KafkaConsumer<String, byte[]> consumer,
            String topic, java.util.function.Consumer<KafkaConsumerRecord<String, byte[]>> onRecord,
            long sinceMs) {
        consumer.exceptionHandler(e -> LOG.warn("Live topic {}: {}", topic, Replies.describe(e)));
        consumer.handler(onRecord::accept);
        return consumer.partitionsFor(topic).compose(infos -> {
            Set<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(topic, p.getPartition()))
                    .collect(Collectors.toSet());
            if (partitions.isEmpty()) {
                return Future.failedFuture("Live topic " + topic + " does not exist");
            }
            return consumer.assign(partitions)
                    .compose(v -> consumer.endOffsets(partitions))
                    .compose(ends -> seek(consumer, partitions, sinceMs).map(ends));
        }).onSuccess(ends -> LOG.info("Following live topic {} ({} partitions)", topic,
                ends.size()));
    }

    private Future<Void> seek(KafkaConsumer<String, byte[]> consumer,
            Set<TopicPartition> partitions, long sinceMs) {
        if (sinceMs <= 0) {
            return consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> times = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> sinceMs));
        return consumer.offsetsForTimes(times).compose(offsets -> {
            List<Future<Void>> seeks = partitions.stream().map(p -> {
                OffsetAndTimestamp at = offsets.get(p);
                // No record since then: nothing to replay on this partition, start at its end.
                return at == null ? consumer.seekToEnd(p) : consumer.seek(p, at.getOffset());
            }).toList();
            return Future.all(seeks).mapEmpty();
        });
    }

    private void onMetrics(KafkaConsumerRecord<String, byte[]> record) {
        JsonObject json;
        try {
            json = new JsonObject(io.vertx.core.buffer.Buffer.buffer(record.value()));
        } catch (RuntimeException e) {
            LOG.warn("Skipping unreadable live metric at {}:{}: {}", record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        publish(state.applyMetrics(json, record.timestamp()));
    }

    private void onAlert(KafkaConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            publish(state.applyAlert(alertViews.decode(record.value()), record.timestamp()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping unreadable alert at {}:{}: {}", record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private void publish(List<Frame> frames) {
        for (Frame frame : frames) {
            vertx.eventBus().publish(FRAMES, frame);
        }
    }

    private void watchCatchUp(Map<TopicPartition, Long> ends) {
        vertx.setPeriodic(0, 200, id -> {
            List<Future<Boolean>> reached = ends.entrySet().stream()
                    .map(e -> consumerOf(e.getKey()).position(e.getKey())
                            .map(pos -> pos >= e.getValue()))
                    .toList();
            Future.all(reached).onSuccess(all -> {
                if (reached.stream().allMatch(Future::result) && caughtUp.compareAndSet(false, true)) {
                    vertx.cancelTimer(id);
                    LOG.info("Live state rebuilt from the topics");
                }
            });
        });
    }

    private KafkaConsumer<String, byte[]> consumerOf(TopicPartition partition) {
        return partition.getTopic().equals(metricsTopic)
                ? metricsConsumer : alertsConsumer;
    }

    private void measureLag(KafkaConsumer<String, byte[]> consumer, String topic) {
        consumer.assignment().compose(partitions -> consumer.endOffsets(partitions)
                .compose(ends -> {
                    List<Future<Long>> lags = partitions.stream().map(p -> consumer.position(p)
                            .map(pos -> Math.max(0, ends.getOrDefault(p, pos) - pos))).toList();
                    return Future.all(lags).map(all -> lags.stream().mapToLong(Future::result).sum());
                }))
                .onSuccess(lag -> metrics.consumerLag(topic, lag))
                .onFailure(e -> LOG.debug("Lag of {} unknown: {}", topic, e.getMessage()));
    }

    private static Future<Void> close(KafkaConsumer<String, byte[]> consumer) {
        return consumer == null ? Future.succeededFuture() : consumer.close();
    }
}
