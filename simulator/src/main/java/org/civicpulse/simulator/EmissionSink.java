package org.civicpulse.simulator;

import java.io.IOException;

/** Where emitted lines go: a JSONL file or Kafka. */
public interface EmissionSink extends AutoCloseable {
    /** Sends one line; may buffer. */
    void send(Emission emission) throws IOException;

    /** Sends everything buffered and reports any failure. */
    void flush() throws IOException;

    /** Flushes and releases the sink. */
    @Override
    void close() throws IOException;
}
