package org.civicpulse.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Rows a ClickHouse sink writer had accepted but ClickHouse had not yet confirmed when a
 * checkpoint was taken (JSONEachRow text): kept in the checkpoint and inserted again by the
 * writer restored from it, so the writer never has to wait for ClickHouse at a checkpoint.
 */
record PendingRows(int rows, byte[] text) {

    /** Version 1: the row count, the text's length, the text. */
    static final class Serializer implements SimpleVersionedSerializer<PendingRows> {
        static final Serializer INSTANCE = new Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(PendingRows p) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(p.text().length + 8);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(p.rows());
                out.writeInt(p.text().length);
                out.write(p.text());
            }
            return bytes.toByteArray();
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
