package org.civicpulse.dashboard;

/**
 * One delta of one channel, encoded once: every subscriber of the channel is written the same
 * {@link #utf8} bytes (see {@link TextFrames}).
 *
 * @param channel   {@code city} or {@code district:<code>}
 * @param seq       the channel's sequence number of this delta
 * @param key       what changed (a scope, {@code alert:<id>}, {@code freshness:<source>:<district>})
 * @param utf8      the whole WebSocket text message, {@code {"type":"delta",...}}, as UTF-8
 * @param receivedAt epoch ms the update reached the server (its Kafka record timestamp)
 */
public record Frame(String channel, long seq, String key, byte[] utf8, long receivedAt) {
}
