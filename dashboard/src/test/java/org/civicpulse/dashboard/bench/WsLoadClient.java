package org.civicpulse.dashboard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Benchmark client process: N WebSocket screens on /ws/live; records, for every delta, the delay
 * from the update reaching the server ({@code ts}) to its arrival here, and prints percentiles.
 * Args: port clients seconds token [reader threads, default 1: the client shares the 2 cores with
 * the server's 2 event loops].
 *
 * <p>It shares the machine's cores with the server it measures, so a screen costs it as little as
 * a socket can: plain NIO (a handshake, then one selector per reader thread, one shared read
 * buffer per thread), the server's frames parsed in place from the bytes, {@code ts} read from the
 * bytes (the server writes it before {@code data}), and a lock-free histogram of whole
 * milliseconds. A Vert.x client spent about as much per message as the server it measured.
 */
public final class WsLoadClient {
    private static final byte[] DELTA = "{\"type\":\"delta\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TS = "\"ts\":".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_MS = 60_000;
    /** How long a screen's connection and handshake may take before it counts as failed. */
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private WsLoadClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = args[3];
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        // delays[ms] = deltas that arrived that many ms after ts; the last slot holds the rest.
        AtomicLongArray delays = new AtomicLongArray(MAX_MS + 1);
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Reader reader = new Reader(delays);
            readers.add(reader);
            Thread thread = new Thread(reader, "ws-reader-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        long start = System.currentTimeMillis();
        int connected = 0;
        int failed = 0;
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < clients; i++) {
            SocketChannel channel = SocketChannel.open();
            try {
                channel.socket().connect(server, CONNECT_TIMEOUT_MS);
                byte[] early = Handshake.open(channel, "/ws/live?channel=city", token, port,
                        CONNECT_TIMEOUT_MS);
                readers.get(i % threads).add(channel, early);
                connected++;
            } catch (IOException e) {
                channel.close();
                failed++;
            }
        }
        System.out.printf("connected %d of %d (%d failed) in %d ms%n", connected, clients, failed,
                System.currentTimeMillis() - start);
        long[] before = snapshot(delays);
        Thread.sleep(seconds * 1000L); // the measurement window, not synchronisation
        long[] window = snapshot(delays);
        long total = 0;
        for (int i = 0; i < window.length; i++) {
            window[i] -= before[i];
            total += window[i];
        }
        if (total == 0) {
            System.out.println("no deltas received");
        } else {
            long p50 = percentile(window, total, 0.50);
            long p99 = percentile(window, total, 0.99);
            long max = percentile(window, total, 1.0);
            System.out.printf("clients=%d deltas=%d p50=%d ms p99=%d ms max=%d ms%n", connected,
                    total, p50, p99, max);
            System.out.printf("| %,d | %,d | %,d | %d ms | %d ms | %d ms |%n", clients, connected,
                    total, p50, p99, max);
        }
        System.exit(0);
    }

    /** The client's side of the opening handshake (RFC 6455 §4.1), in blocking mode. */
    static final class Handshake {
        private Handshake() {
        }

        /**
         * Sends the upgrade request; returns the bytes read after the 101 response's headers. Fails
         * when they have not all arrived within {@code timeoutMs}.
         */
        static byte[] open(SocketChannel channel, String path, String token, int port, int timeoutMs)
                throws IOException {
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce)
                    + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            // Read through the socket's stream, whose reads honour a timeout (a channel's never
            // time out): a server that accepts but never answers must not hold the run forever.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            InputStream stream = channel.socket().getInputStream();
            byte[] in = new byte[64 * 1024];
            int filled = 0;
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new SocketTimeoutException("no handshake response within " + timeoutMs + " ms");
                }
                channel.socket().setSoTimeout((int) left);
                int n = stream.read(in, filled, in.length - filled);
                if (n < 0) {
                    throw new IOException("closed during the handshake");
                }
                filled += n;
                byte[] seen = Arrays.copyOf(in, filled);
                int end = indexOf(seen, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (end >= 0) {
                    String status = new String(seen, 0, Math.min(seen.length, 12), StandardCharsets.US_ASCII);
                    if (!status.startsWith("HTTP/1.1 101")) {
                        throw new IOException("not upgraded: " + status);
                    }
                    byte[] early = new byte[seen.length - end - 4];
                    System.arraycopy(seen, end + 4, early, 0, early.length);
                    return early;
                }
                if (filled == in.length) {
                    throw new IOException("handshake response too long");
                }
            }
        }

        private static int indexOf(byte[] bytes, byte[] part) {
            for (int i = 0; i + part.length <= bytes.length; i++) {
                if (startsWith(bytes, i, bytes.length, part)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** One selector thread reading its share of the sockets. */
    static final class Reader implements Runnable {
        private final Selector selector;
        private final AtomicLongArray delays;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private final byte[] bytes = new byte[256 * 1024];

        Reader(AtomicLongArray delays) throws IOException {
            this.selector = Selector.open();
            this.delays = delays;
        }

        void add(SocketChannel channel, byte[] early) throws IOException {
            channel.configureBlocking(false);
            FrameParser parser = new FrameParser(this::onMessageStart);
            parser.accept(early, early.length);
            // Since Java 11 a registration never waits for a select in progress; the wake-up makes
            // the reader's next select include the new socket.
            channel.register(selector, SelectionKey.OP_READ, parser);
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (true) {
                    selector.select();
                    for (SelectionKey key : selector.selectedKeys()) {
                        read(key);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                System.err.println("reader stopped: " + e);
            }
        }

        private void read(SelectionKey key) {
            SocketChannel channel = (SocketChannel) key.channel();
            FrameParser parser = (FrameParser) key.attachment();
            try {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    key.cancel();
                    channel.close();
                    return;
                }
                buffer.flip();
                buffer.get(bytes, 0, n);
                parser.accept(bytes, n);
            } catch (IOException e) {
                key.cancel();
            }
        }

        /** The first bytes of a text message (up to {@link FrameParser#PREFIX}). */
        private void onMessageStart(byte[] prefix, int length) {
            long ts = deltaTs(prefix, length);
            if (ts > 0) {
                long ms = System.currentTimeMillis() - ts;
                delays.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, ms)));
            }
        }
    }

    /** Receives a message's first bytes. */
    interface MessageStart {
        void accept(byte[] prefix, int length);
    }

    /**
     * Splits a server's byte stream into WebSocket frames (unmasked, RFC 6455 §5.2) without keeping
     * whole messages: of each message it keeps only the first {@link #PREFIX} bytes, enough for
     * {@code type} and {@code ts}, and skips the rest.
     */
    static final class FrameParser {
        static final int PREFIX = 512;
        private final MessageStart onStart;
        private final byte[] header = new byte[14];
        private int headerLength;
        private long remaining = -1;   // payload bytes of the current frame still to come; -1: in a header
        private final byte[] prefix = new byte[PREFIX];
        private int prefixLength;
        private boolean collecting;    // the current frame starts a text message

        FrameParser(MessageStart onStart) {
            this.onStart = onStart;
        }

        void accept(byte[] data, int length) {
            int i = 0;
            while (i < length) {
                if (remaining < 0) {
                    header[headerLength++] = data[i++];
                    int needed = headerNeeded();
                    if (headerLength == needed) {
                        startPayload();
                    }
                } else {
                    int take = (int) Math.min(remaining, length - i);
                    if (collecting && prefixLength < PREFIX) {
                        int copy = Math.min(take, PREFIX - prefixLength);
                        System.arraycopy(data, i, prefix, prefixLength, copy);
                        prefixLength += copy;
                    }
                    i += take;
                    remaining -= take;
                    if (remaining == 0) {
                        endPayload();
                    }
                }
            }
        }

        private int headerNeeded() {
            if (headerLength < 2) {
                return 2;
            }
            int len7 = header[1] & 0x7f;
            int mask = (header[1] & 0x80) != 0 ? 4 : 0;
            return 2 + mask + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
        }

        private void startPayload() {
            int len7 = header[1] & 0x7f;
            long length = len7;
            if (len7 == 126) {
                length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
            } else if (len7 == 127) {
                length = 0;
                for (int k = 2; k < 10; k++) {
                    length = (length << 8) | (header[k] & 0xff);
                }
            }
            int opcode = header[0] & 0x0f;
            collecting = opcode == 1;   // a text frame starts a message; continuations (0) extend it
            if (collecting) {
                prefixLength = 0;
            }
            headerLength = 0;
            remaining = length;
            if (remaining == 0) {
                endPayload();
            }
        }

        private void endPayload() {
            if (collecting) {
                onStart.accept(prefix, prefixLength);
                collecting = false;
            }
            remaining = -1;
        }
    }

    /** The {@code ts} of a delta message from its first bytes, or -1 for any other message. */
    static long deltaTs(byte[] message, int length) {
        if (!startsWith(message, 0, length, DELTA)) {
            return -1;
        }
        for (int i = DELTA.length; i + TS.length < length; i++) {
            if (startsWith(message, i, length, TS)) {
                long ts = 0;
                for (int j = i + TS.length; j < length; j++) {
                    byte b = message[j];
                    if (b < '0' || b > '9') {
                        break;
                    }
                    ts = ts * 10 + (b - '0');
                }
                return ts;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, int length, byte[] prefix) {
        if (length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long[] snapshot(AtomicLongArray counts) {
        long[] out = new long[counts.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts.get(i);
        }
        return out;
    }

    /** The smallest delay (ms) at or below which the given share of the deltas arrived. */
    static long percentile(long[] counts, long total, double share) {
        long rank = Math.max(1, (long) Math.ceil(total * share));
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return counts.length - 1;
    }
}
