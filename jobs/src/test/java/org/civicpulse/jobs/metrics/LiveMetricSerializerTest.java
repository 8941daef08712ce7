package org.civicpulse.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.MetricCounter;
import org.junit.jupiter.api.Test;

/** The live topic's record: each group holds exactly its kind's counters, each with its own value. */
class LiveMetricSerializerTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteEveryGroupWithItsOwnCountersAndValues() throws Exception {
        // Every array and index a different value, so a counter read from the wrong array or index shows.
        long[][] arrays = new long[6][MetricCounter.SIZE];
        for (int a = 0; a < arrays.length; a++) {
            for (int i = 0; i < MetricCounter.SIZE; i++) {
                arrays[a][i] = 1000L * (a + 1) + i;
            }
        }
        LiveMetric m = new LiveMetric("street:110101:东华门街道", 1_773_128_527_000L, arrays[0], arrays[1], arrays[2],
                arrays[3], arrays[4], arrays[5]);
        JsonNode root = json.readTree(MetricSinks.LiveMetricSerializer.encode(json, m));

        assertThat(root.path("scope").asText()).isEqualTo("street:110101:东华门街道");
        assertThat(root.path("kind").asText()).isEqualTo("street");
        assertThat(root.path("asOf").asText()).isEqualTo("2026-03-10T15:42:07.000+08:00");
        String[] groups = {"gauges", "last60m", "last24h", "last7d", "today", "month"};
        for (int a = 0; a < groups.length; a++) {
            JsonNode group = root.path(groups[a]);
            List<String> expected = new ArrayList<>();
            for (MetricCounter c : MetricCounter.values()) {
                boolean in = a == 0 ? c.kind() == MetricCounter.Kind.GAUGE
                        : c.kind() == MetricCounter.Kind.WINDOWED || a == 5 && c.kind() == MetricCounter.Kind.MONTH;
                if (in) {
                    expected.add(c.column());
                    assertThat(group.path(c.column()).asLong()).as(groups[a] + "." + c.column())
                            .isEqualTo(arrays[a][c.ordinal()]);
                }
            }
            List<String> names = new ArrayList<>();
            group.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(groups[a]).containsExactlyInAnyOrderElementsOf(expected);
        }
        List<String> top = new ArrayList<>();
        root.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("scope", "kind", "asOf", "gauges", "last60m", "last24h", "last7d", "today",
                "month");
    }

    @Test
    void shouldWriteANullAsOfBeforeAnyEventTime() throws Exception {
        long[] zero = new long[MetricCounter.SIZE];
        JsonNode root = json.readTree(MetricSinks.LiveMetricSerializer.encode(json,
                new LiveMetric("city", Long.MIN_VALUE, zero, zero, zero, zero, zero, zero)));
        assertThat(root.has("asOf")).isTrue();
        assertThat(root.get("asOf").isNull()).isTrue();
        assertThat(root.path("kind").asText()).isEqualTo("city");
    }
}
