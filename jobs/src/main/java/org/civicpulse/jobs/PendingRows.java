package org.civicpulse.jobs;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Rows a ClickHouse sink writer had accepted but ClickHouse had not yet confirmed when a
 * checkpoint was taken (JSONEachRow text): kept in the checkpoint and inserted again by the
 * writer restored from it, so the writer never has to wait for ClickHouse at a checkpoint.
 */
record PendingRows(int rows, byte[] text, int length) {

    /** Rows read back from a checkpoint: the whole array is their text. */
    PendingRows(int rows, byte[] text) {
        this(rows, text, text.length);
    }

    /** Version 1: the row count, the text's length, the text. */
    static final class Serializer implements SimpleVersionedSerializer<PendingRows> {
        static final Serializer INSTANCE = new Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(PendingRows p) {
            // One copy of a batch of up to tens of MB, straight into the serialized form.
            byte[] out = ByteBuffer.allocate(8 + p.length()).putInt(p.rows()).putInt(p.length()).array();
            System.arraycopy(p.text(), 0, out, 8, p.length());
            return out;
        }

        @Override
        public PendingRows deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown version " + version + " of pending ClickHouse rows");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int rows = in.readInt();
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                return new PendingRows(rows, text);
            }
        }
    }
}
