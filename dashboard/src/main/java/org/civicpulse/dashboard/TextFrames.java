package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;

/**
 * Writes one already-encoded UTF-8 text message to a socket. Vert.x's public API takes text as a
 * String and encodes it again for every socket; this frame wraps the shared bytes instead (Netty's
 * {@code Unpooled.wrappedBuffer}, no copy), so a delta pushed to 5,000 screens is encoded once.
 */
final class TextFrames {
    private TextFrames() {
    }

    static Future<Void> write(WebSocketBase socket, byte[] utf8) {
        // A fresh wrapper per write: Netty releases the frame it sends, never the shared array.
        return socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true));
    }
}
