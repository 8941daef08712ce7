package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CoalescingQueueTest {
    private static Frame frame(long seq, String key) {
        return Frame.of("city", seq, key, ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8), 0);
    }

    @Test
    void shouldKeepOnlyTheLatestDeltaPerKeyInSequenceOrder() {
        CoalescingQueue queue = new CoalescingQueue(3);
        assertThat(queue.offer(frame(5, "district:110101"))).isTrue();
        assertThat(queue.offer(frame(6, "city"))).isTrue();
        assertThat(queue.offer(frame(7, "district:110101"))).isTrue();
        assertThat(queue.offer(frame(8, "alert:a"))).isTrue();

        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.drain()).extracting(Frame::seq).containsExactly(6L, 7L, 8L);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void shouldReportOverflowOnceMoreKeysThanTheLimitWait() {
        CoalescingQueue queue = new CoalescingQueue(2);
        assertThat(queue.offer(frame(1, "a"))).isTrue();
        assertThat(queue.offer(frame(2, "b"))).isTrue();
        // A newer value of a waiting key is no growth.
        assertThat(queue.offer(frame(3, "a"))).isTrue();
        assertThat(queue.offer(frame(4, "c"))).isFalse();
    }

    @Test
    void shouldRefuseAQueueWithoutRoom() {
        assertThatThrownBy(() -> new CoalescingQueue(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
