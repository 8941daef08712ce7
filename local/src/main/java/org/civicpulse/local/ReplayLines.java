package org.civicpulse.local;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a replay file as raw bytes, split at {@code \n} (a {@code \r} before it is dropped).
 * Bytes, not text: a line that is not UTF-8 must reach dead-letter with its line number like any
 * other bad line, while a text reader would stop the whole replay at it.
 */
final class ReplayLines implements Closeable {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    ReplayLines(InputStream in) {
        this.in = in;
    }

    static ReplayLines of(Path file) throws IOException {
        return new ReplayLines(Files.newInputStream(file));
    }

    /** The next line without its line break, or null at the end of the file. */
    byte[] next() throws IOException {
        line.reset();
        boolean ended = false;
        while (!ended) {
            if (position == limit && !fill()) {
                if (line.size() == 0) {
                    return null;
                }
                break;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            if (position < limit) {
                position++; // the line break
                ended = true;
            }
        }
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        return n > 0 && bytes[n - 1] == '\r' ? Arrays.copyOf(bytes, n - 1) : bytes;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** Whether a line holds nothing but spaces and tabs (the line break is already gone). */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** How many lines {@link #next()} will return for the file, for the progress meter. */
    static long count(Path file) throws IOException {
        long lines = 0;
        try (ReplayLines r = of(file)) {
            while (r.next() != null) {
                lines++;
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
