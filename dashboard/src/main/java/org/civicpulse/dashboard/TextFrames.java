package org.civicpulse.dashboard;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;
import java.nio.ByteBuffer;

/**
 * Writes already-encoded UTF-8 text messages to sockets. Vert.x's public API takes text as a
 * String and encodes it again for every socket; these frames wrap shared bytes instead, so a delta
 * pushed to 5,000 screens is encoded once.
 */
final class TextFrames {
    /**
     * Netty's WebSocket encoder copies a payload up to this size into the buffer of the frame's
     * header whatever it is, so only larger ones are worth an off-heap copy.
     */
    private static final int SMALL = 1024;

    private TextFrames() {
    }

    /** A message written to one socket (a snapshot, a batch): wraps the array, no copy. */
    static Future<Void> write(WebSocketBase socket, byte[] utf8) {
        // A fresh wrapper per write: Netty releases the frame it sends, never the shared array.
        return socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true));
    }

    /** A delta written to every socket of its channel: the shared payload of {@link #payload}. */
    static Future<Void> write(WebSocketBase socket, ByteBuf payload) {
        return socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, payload.duplicate(), true));
    }

    /**
     * A message's bytes for writing to many sockets, off the heap unless small. From a heap array
     * the socket layer copies every write into a direct buffer first (one copy per screen); from
     * this one it writes directly. Unreleasable: each write releases its duplicate, never the shared bytes,
     * which the garbage collector frees with the frame.
     */
    static ByteBuf payload(byte[] utf8) {
        if (utf8.length <= SMALL) {
            return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(utf8));
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(utf8.length).put(utf8).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
    }
}
