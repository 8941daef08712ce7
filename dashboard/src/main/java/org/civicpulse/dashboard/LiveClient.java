package org.civicpulse.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One WebSocket screen. Deltas are written as they come while the socket keeps up; once its write
 * queue is full they wait in a {@link CoalescingQueue}, flushed as one {@code batch} frame when the
 * socket drains. If the queue overflows, the waiting deltas are dropped and the client is owed a
 * fresh snapshot, sent when the socket drains: a client that stops reading costs at most the
 * socket's own write buffer plus the bounded queue, and never slows the others. All calls on the
 * verticle's event loop.
 */
final class LiveClient {
    private static final byte[] BATCH_END = "]}".getBytes(StandardCharsets.UTF_8);

    /** Where a client's frames go: a WebSocket, or a test's recorder. */
    interface Outlet {
        /** Whether the outlet's write buffer is full, so further writes should wait. */
        boolean full();

        /** Writes one whole text message, already encoded as UTF-8. */
        void write(byte[] utf8);

        /** Writes a delta (the same bytes go to every socket of its channel). */
        default void write(Frame delta) {
            write(delta.utf8());
        }

        /** Called once the outlet is no longer full. */
        void onDrain(Runnable drained);

        /** Whether the outlet has closed (its close handler, which forgets it, may not have run yet). */
        default boolean closed() {
            return false;
        }
    }

    private final Outlet outlet;
    private final LiveState state;
    private final ServerMetrics metrics;
    private final CoalescingQueue waiting;
    private String channel;
    private long lastSeq;
    private boolean snapshotOwed;

    LiveClient(Outlet outlet, LiveState state, ServerMetrics metrics, int queueLimit,
            String channel) {
        this.outlet = outlet;
        this.state = state;
        this.metrics = metrics;
        this.waiting = new CoalescingQueue(queueLimit);
        this.channel = channel;
        outlet.onDrain(this::drained);
    }

    /** The outlet of a server WebSocket: its write queue and drain handler. */
    static Outlet outlet(ServerWebSocket socket) {
        return new Outlet() {
            @Override
            public boolean full() {
                return socket.writeQueueFull();
            }

            @Override
            public void write(byte[] utf8) {
                TextFrames.write(socket, utf8);
            }

            @Override
            public void write(Frame delta) {
                TextFrames.write(socket, delta.payload());
            }

            @Override
            public void onDrain(Runnable drained) {
                socket.drainHandler(v -> drained.run());
            }

            @Override
            public boolean closed() {
                return socket.isClosed();
            }
        };
    }

    String channel() {
        return channel;
    }

    /** Whether the client overflowed and waits for its socket to drain to get a snapshot. */
    boolean snapshotOwed() {
        return snapshotOwed;
    }

    /** Switches channel and starts it with a snapshot, announced by a {@code subscribed} message. */
    void subscribe(String newChannel) {
        channel = newChannel;
        sendSnapshot(true);
    }

    /** Sends the channel's snapshot; deltas already in it are skipped afterwards. */
    void resync() {
        sendSnapshot(false);
    }

    private void sendSnapshot(boolean announce) {
        snapshotOwed = false;
        waiting.clear();
        LiveState.Snapshot snapshot = state.snapshot(channel, System.currentTimeMillis());
        lastSeq = snapshot.seq();
        if (announce) {
            control("subscribed", null); // with the snapshot's number, which follows
        }
        outlet.write(snapshot.utf8());
        metrics.resynced();
    }

    /**
     * A control message ({@code subscribed}, {@code pong}, {@code error}) with the channel and the
     * sequence number this client is at (SPEC §7: every message has one); it uses up no number,
     * so the next delta still follows the last one sent.
     */
    void control(String type, String error) {
        io.vertx.core.json.JsonObject message = new io.vertx.core.json.JsonObject().put("type", type)
                .put("channel", channel).put("seq", lastSeq);
        if (error != null) {
            message.put("error", error);
        }
        outlet.write(message.encode().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Offers a delta of some channel; ignores other channels, deltas the snapshot covered, and
     * everything once the socket closed (asking a closed socket whether it is full throws).
     */
    void offer(Frame frame) {
        if (!frame.channel().equals(channel) || frame.seq() <= lastSeq || outlet.closed()) {
            return;
        }
        if (snapshotOwed) {
            // The snapshot sent on drain will hold this delta's value.
            metrics.coalesced();
            return;
        }
        if (!waiting.isEmpty() || outlet.full()) {
            metrics.coalesced();
            if (!waiting.offer(frame)) {
                waiting.clear();
                snapshotOwed = true;
                metrics.overflowed();
            }
            return;
        }
        outlet.write(frame);
        lastSeq = frame.seq();
        metrics.pushed(System.currentTimeMillis() - frame.receivedAt());
    }

    private void drained() {
        if (snapshotOwed) {
            resync();
            return;
        }
        if (waiting.isEmpty()) {
            return;
        }
        List<Frame> frames = waiting.drain();
        outlet.write(batch(channel, lastSeq + 1, frames));
        lastSeq = frames.get(frames.size() - 1).seq();
        long now = System.currentTimeMillis();
        frames.forEach(f -> metrics.pushed(now - f.receivedAt()));
    }

    /** The {@code batch} message: the waiting deltas, in order, covering fromSeq up to the last. */
    static byte[] batch(String channel, long fromSeq, List<Frame> frames) {
        Buffer batch = Buffer.buffer("{\"type\":\"batch\",\"channel\":\"" + channel
                + "\",\"fromSeq\":" + fromSeq + ",\"seq\":" + frames.get(frames.size() - 1).seq()
                + ",\"deltas\":[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                batch.appendString(",");
            }
            batch.appendBytes(frames.get(i).utf8());
        }
        return batch.appendBytes(BATCH_END).getBytes();
    }
}
