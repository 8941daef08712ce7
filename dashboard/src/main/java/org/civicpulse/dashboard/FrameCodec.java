package org.civicpulse.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/** Passes {@link Frame}s on the local event bus as they are, so a frame is encoded only once. */
public final class FrameCodec implements MessageCodec<Frame, Frame> {
    /** Registers the codec as Frame's default; a second call (another verticle) is harmless. */
    public static void register(Vertx vertx) {
        try {
            vertx.eventBus().registerDefaultCodec(Frame.class, new FrameCodec());
        } catch (IllegalStateException alreadyRegistered) {
            // Every verticle of the server calls this; the first one wins.
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, Frame frame) {
        throw new UnsupportedOperationException("Frames stay in this JVM");
    }

    @Override
    public Frame decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException("Frames stay in this JVM");
    }

    @Override
    public Frame transform(Frame frame) {
        return frame;
    }

    @Override
    public String name() {
        return "civicpulse-frame";
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
