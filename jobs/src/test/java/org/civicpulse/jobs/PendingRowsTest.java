package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pending rows in a checkpoint: exactly the buffer's filled part, and its row count. */
class PendingRowsTest {
    private final PendingRows.Serializer serializer = PendingRows.Serializer.INSTANCE;

    @Test
    void shouldKeepOnlyTheFilledPartOfABuffer() throws Exception {
        byte[] buffer = new byte[64]; // a reused buffer: larger than its rows, with stale bytes after them
        byte[] rows = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(rows, 0, buffer, 0, rows.length);
        buffer[rows.length] = 'x';

        PendingRows back = serializer.deserialize(serializer.getVersion(),
                serializer.serialize(new PendingRows(2, buffer, rows.length)));

        assertThat(back.rows()).isEqualTo(2);
        assertThat(back.length()).isEqualTo(rows.length);
        assertThat(new String(back.text(), 0, back.length(), StandardCharsets.UTF_8))
                .isEqualTo(new String(rows, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAVersionItDoesNotKnow() {
        assertThatThrownBy(() -> serializer.deserialize(2, new byte[8])).isInstanceOf(IOException.class)
                .hasMessageContaining("version 2");
    }
}
