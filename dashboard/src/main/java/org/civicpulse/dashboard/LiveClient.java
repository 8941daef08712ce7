package org.civicpulse.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket screen. Deltas are written as they come while the socket keeps up; once its write
 * queue is full they wait in a bounded map that keeps only the latest delta per key (values are
 * absolute, so nothing is lost by skipping older ones), flushed as one batch when the socket drains.
 * If the map overflows, the client gets a fresh snapshot instead. All calls on the verticle's
 * event loop.
 */
final class LiveClient {
    private static final Buffer BATCH_END = Buffer.buffer("]}");

    private final ServerWebSocket socket;
    private final LiveState state;
    private final ServerMetrics metrics;
    private final int queueLimit;
    private final Map<String, Frame> waiting = new LinkedHashMap<>();
    private String channel;
    private long lastSeq;

    LiveClient(ServerWebSocket socket, LiveState state, ServerMetrics metrics, int queueLimit,
            String channel) {
        this.socket = socket;
        this.state = state;
        this.metrics = metrics;
        this.queueLimit = queueLimit;
        this.channel = channel;
        socket.drainHandler(v -> flush());
    }

    String channel() {
        return channel;
    }

    /** Switches channel and starts it with a snapshot. */
    void subscribe(String newChannel) {
        channel = newChannel;
        socket.writeTextMessage("{\"type\":\"subscribed\",\"channel\":\"" + newChannel + "\"}");
        resync();
    }

    /** Sends the channel's snapshot; deltas already in it are skipped afterwards. */
    void resync() {
        waiting.clear();
        LiveState.Snapshot snapshot = state.snapshot(channel, System.currentTimeMillis());
        lastSeq = snapshot.seq();
        TextFrames.write(socket, snapshot.utf8());
        metrics.resynced();
    }

    /** Offers a delta of some channel; ignores other channels and deltas the snapshot covered. */
    void offer(Frame frame) {
        if (!frame.channel().equals(channel) || frame.seq() <= lastSeq) {
            return;
        }
        if (!waiting.isEmpty() || socket.writeQueueFull()) {
            waiting.remove(frame.key());
            waiting.put(frame.key(), frame);
            metrics.coalesced();
            if (waiting.size() > queueLimit) {
                resync();
            }
            return;
        }
        TextFrames.write(socket, frame.utf8());
        lastSeq = frame.seq();
        metrics.pushed(System.currentTimeMillis() - frame.receivedAt());
    }

    private void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Frame> frames = new ArrayList<>(waiting.values());
        waiting.clear();
        frames.sort(Comparator.comparingLong(Frame::seq));
        long last = frames.get(frames.size() - 1).seq();
        Buffer batch = Buffer.buffer("{\"type\":\"batch\",\"channel\":\"" + channel
                + "\",\"fromSeq\":" + (lastSeq + 1) + ",\"seq\":" + last + ",\"deltas\":[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                batch.appendString(",");
            }
            batch.appendBytes(frames.get(i).utf8());
        }
        TextFrames.write(socket, batch.appendBuffer(BATCH_END).getBytes());
        lastSeq = last;
        long now = System.currentTimeMillis();
        frames.forEach(f -> metrics.pushed(now - f.receivedAt()));
    }
}
