package org.civicpulse.dashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark client is the measuring instrument: its frame parsing must not miss or invent. */
class WsLoadClientTest {
    private static final String DELTA = "{\"type\":\"delta\",\"channel\":\"city\",\"seq\":7,\"ts\":1700000000123,\"data\":{}}";

    private static byte[] frame(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n < 65_536) {
            out.write(126);
            out.write(n >>> 8);
            out.write(n & 0xff);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift) & 0xff);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return frame(1, true, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<Long> parse(byte[] stream, int chunk) {
        List<Long> seen = new ArrayList<>();
        WsLoadClient.FrameParser parser = new WsLoadClient.FrameParser(
                (prefix, length) -> seen.add(WsLoadClient.deltaTs(prefix, length)));
        for (int i = 0; i < stream.length; i += chunk) {
            int n = Math.min(chunk, stream.length - i);
            byte[] piece = new byte[n];
            System.arraycopy(stream, i, piece, 0, n);
            parser.accept(piece, n);
        }
        return seen;
    }

    @Test
    void shouldFindEveryMessageAndItsTsWhereverTheReadsSplitTheStream() {
        String big = "{\"type\":\"snapshot\",\"entries\":[\"" + "x".repeat(70_000) + "\"]}";
        String medium = DELTA.replace("{}", "{\"pad\":\"" + "y".repeat(2_000) + "\"}");
        byte[] stream = concat(text(DELTA), text(big), frame(9, true, new byte[3]), text(medium),
                frame(1, false, "{\"type\":\"delta\",\"ts\":42,".getBytes(StandardCharsets.UTF_8)),
                frame(0, true, "\"data\":{}}".getBytes(StandardCharsets.UTF_8)), text(""));
        for (int chunk : new int[] {1, 2, 3, 7, 100, 4096, stream.length}) {
            assertThat(parse(stream, chunk)).as("reads of %d bytes", chunk)
                    .containsExactly(1_700_000_000_123L, -1L, 1_700_000_000_123L, 42L, -1L);
        }
    }

    @Test
    void shouldGiveUpOnAServerThatAcceptsButNeverAnswersTheHandshake() throws Exception {
        // The kernel completes the TCP handshake for a listening socket nobody serves: without a
        // deadline the client waited for the 101 forever, and bench/live.sh with it (holding the lock).
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel channel = SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()))) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> WsLoadClient.Handshake.open(channel, "/ws/live?channel=city", "t",
                            silent.getLocalPort(), 200))
                            .isInstanceOf(SocketTimeoutException.class));
        }
    }

    @Test
    void shouldReturnTheFramesThatCameWithTheHandshakeResponse() throws Exception {
        byte[] response = concat(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\n\r\n").getBytes(StandardCharsets.US_ASCII), text(DELTA));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket accepted = server.accept()) {
                    InputStream request = accepted.getInputStream();
                    int matched = 0;
                    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                    while (matched < end.length) {
                        int b = request.read();
                        matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
                    }
                    accepted.getOutputStream().write(response);
                    accepted.getOutputStream().flush();
                    // Held open until the client has read: closing could reset the connection.
                    request.read();
                } catch (IOException e) {
                    // The client closed first: the assertions below report what it got.
                }
            });
            answering.start();
            try (SocketChannel channel = SocketChannel.open(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()))) {
                byte[] early = WsLoadClient.Handshake.open(channel, "/ws/live?channel=city", "t",
                        server.getLocalPort(), 10_000);
                assertThat(parse(early, early.length)).containsExactly(1_700_000_000_123L);
            }
            answering.join(10_000);
        }
    }
}
