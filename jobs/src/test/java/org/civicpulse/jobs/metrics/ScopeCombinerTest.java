package org.civicpulse.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.civicpulse.contract.MetricCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which scopes a delta reaches, and how deltas of one scope and bucket are added up before a flush. */
class ScopeCombinerTest {
    private static final int OPEN = MetricCounter.OPEN.ordinal();
    private static final int OVERDUE = MetricCounter.OVERDUE.ordinal();
    private static final int CREATED = MetricCounter.CREATED_HOTLINE.ordinal();
    /** A minute bucket (minutes since the epoch), as windowed deltas carry it. */
    private static final long MINUTE = 29_000_000L;
    private static final Place DONGCHENG_DESK = new Place("HOTLINE", "110101", "东华门街道", "NOISE", "城管执法队");
    private static final Place XICHENG_DESK = new Place("HOTLINE", "110102", "西长安街街道", "NOISE", "城管执法队");
    private static final Place NO_UNIT = new Place("HOTLINE", "110101", "东华门街道", "NOISE", "");
    private OneInputStreamOperatorTestHarness<MetricDelta, ScopedDelta> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new ScopeCombiner(1_000, 60_000));
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldSendEveryDeltaToTheCityDistrictStreetCategoryAndUnitScopes() throws Exception {
        send(DONGCHENG_DESK, MINUTE, CREATED, 1);
        assertThat(flushed().keySet()).containsExactlyInAnyOrder(
                "city@" + MINUTE, "district:110101@" + MINUTE, "street:110101:东华门街道@" + MINUTE,
                "district-category:110101:NOISE@" + MINUTE, "category:NOISE@" + MINUTE, "unit:城管执法队@" + MINUTE);
    }

    @Test
    void shouldKeepEachDistrictsUnitBacklogApartAndLeaveWindowedCountersOutOfIt() throws Exception {
        send(DONGCHENG_DESK, CaseFacts.GAUGE, OPEN, 1);
        send(DONGCHENG_DESK, CaseFacts.GAUGE, OPEN, 1);
        send(DONGCHENG_DESK, CaseFacts.GAUGE, OVERDUE, 1);
        send(XICHENG_DESK, CaseFacts.GAUGE, OPEN, 1);
        send(DONGCHENG_DESK, MINUTE, CREATED, 1);
        send(NO_UNIT, CaseFacts.GAUGE, OPEN, 1);
        Map<String, long[]> out = flushed();
        String gauge = "@" + CaseFacts.GAUGE;
        assertThat(out.get("district-unit:110101:城管执法队" + gauge)[OPEN]).isEqualTo(2);
        assertThat(out.get("district-unit:110101:城管执法队" + gauge)[OVERDUE]).isEqualTo(1);
        assertThat(out.get("district-unit:110102:城管执法队" + gauge)[OPEN]).isEqualTo(1);
        // The city-wide unit scope holds both districts; the district's own gauges the case without a unit too.
        assertThat(out.get("unit:城管执法队" + gauge)[OPEN]).isEqualTo(3);
        assertThat(out.get("district:110101" + gauge)[OPEN]).isEqualTo(3);
        assertThat(out.keySet()).filteredOn(k -> k.startsWith("district-unit:"))
                .containsExactlyInAnyOrder("district-unit:110101:城管执法队" + gauge,
                        "district-unit:110102:城管执法队" + gauge);
    }

    @Test
    void shouldSendNothingForAUnitWhoseChangesCancelOut() throws Exception {
        send(DONGCHENG_DESK, CaseFacts.GAUGE, OPEN, 1);
        send(DONGCHENG_DESK, CaseFacts.GAUGE, OPEN, -1);
        assertThat(flushed()).isEmpty();
    }

    private void send(Place place, long bucket, int counter, long value) throws Exception {
        long[] delta = new long[MetricCounter.SIZE];
        delta[counter] = value;
        harness.processElement(new StreamRecord<>(new MetricDelta(place, bucket, delta)));
    }

    /** What a watermark flushes, as "scope@bucket" → counters. */
    private Map<String, long[]> flushed() throws Exception {
        harness.processWatermark(MINUTE * 60_000L);
        Map<String, long[]> out = new TreeMap<>();
        for (Object o : harness.getOutput()) {
            if (o instanceof StreamRecord<?> r && r.getValue() instanceof ScopedDelta d) {
                assertThat(out.put(d.scope() + "@" + d.bucket(), d.delta())).as("one record per scope and bucket").isNull();
            }
        }
        return out;
    }
}
