package org.civicpulse.dashboard;

import io.netty.buffer.ByteBuf;

/**
 * One delta of one channel, encoded once: every subscriber of the channel is written the same
 * bytes (see {@link TextFrames}).
 *
 * @param channel   {@code city} or {@code district:<code>}
 * @param seq       the channel's sequence number of this delta
 * @param key       what changed (a scope, {@code alert:<id>}, {@code freshness:<source>:<district>})
 * @param utf8      the whole WebSocket text message, {@code {"type":"delta",...}}, as UTF-8
 * @param payload   the same bytes off the heap, shared by every socket's write
 * @param receivedAt epoch ms the update reached the server (its Kafka record timestamp)
 */
public record Frame(String channel, long seq, String key, byte[] utf8, ByteBuf payload, long receivedAt) {
    public static Frame of(String channel, long seq, String key, byte[] utf8, long receivedAt) {
        return new Frame(channel, seq, key, utf8, TextFrames.payload(utf8), receivedAt);
    }
}
