package org.civicpulse.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes lines to a JSONL file, the replay format: one line per emission, in emission order. */
public final class JsonlFileSink implements EmissionSink {
    private final BufferedWriter writer;

    /** Creates (or truncates) the file and its parent folders. */
    public JsonlFileSink(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 20);
    }

    @Override
    public void send(Emission emission) throws IOException {
        writer.write(emission.line());
        writer.write('\n');
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
