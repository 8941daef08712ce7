package org.civicpulse.jobs.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.civicpulse.contract.MetricCounter;

/**
 * A scope's minute panes for the last week, in one map state per hour of a ring of a week and an
 * hour rather than one map for the week. Why: the heap state backend copies a key's whole map the
 * first time the map is touched while a checkpoint is written, and a busy scope's week is up to
 * 10,080 counter arrays — copied at every checkpoint, for every scope, which was most of the job's
 * garbage and a large share of its CPU at Beijing's full scale. By hour, a checkpoint copies only
 * the hours touched since it began (the current one and those the windows retire). The maps are
 * keyed by the exact minute, so two minutes a ring apart in one slot (a replay far ahead of the
 * watermark) stay apart; they only share the copy.
 *
 * <p>The panes are kept {@link PackedCounters packed}; callers see dense counters.
 */
final class MinutePanes {
    /** A week and the current hour. */
    static final int HOURS = 7 * 24 + 1;
    /** The single week-long map of earlier versions, emptied into the ring as each scope is next seen. */
    static final String LEGACY_NAME = "minute-panes";

    private final List<MapState<Long, long[]>> byHour = new ArrayList<>(HOURS);
    private final MapState<Long, long[]> legacy;

    MinutePanes(RuntimeContext ctx) {
        for (int h = 0; h < HOURS; h++) {
            byHour.add(ctx.getMapState(descriptor(LEGACY_NAME + "-h" + h)));
        }
        legacy = ctx.getMapState(descriptor(LEGACY_NAME));
    }

    static MapStateDescriptor<Long, long[]> descriptor(String name) {
        // Sparse counters on the wire and on the heap: a week of minute panes per scope is most of
        // the job's checkpoint and of its heap.
        return new MapStateDescriptor<>(name, LongSerializer.INSTANCE, PackedCountersSerializer.INSTANCE);
    }

    private MapState<Long, long[]> slot(long minute) {
        return byHour.get((int) Math.floorMod(Math.floorDiv(minute, 60L), (long) HOURS));
    }

    /** The pane's counters, dense and the caller's own to change, or null if there is none. */
    long[] get(long minute) throws Exception {
        long[] pane = slot(minute).get(minute);
        return pane == null ? null : PackedCounters.dense(pane, MetricCounter.SIZE);
    }

    /**
     * Adds {@code sign ×} the pane of {@code minute} to {@code sum} without unpacking it (the
     * windows retire three panes a minute per scope); false if there is no such pane.
     */
    boolean addTo(long[] sum, long minute, int sign) throws Exception {
        long[] pane = slot(minute).get(minute);
        if (pane == null) {
            return false;
        }
        PackedCounters.addTo(sum, pane, sign);
        return true;
    }

    /**
     * Adds the dense {@code delta} to the pane of {@code minute}, creating it. A pane that already
     * has every counter the delta changes is summed packed, without unpacking and packing it again
     * (two arrays per delta); it is still put back, so a state backend that serializes sees it.
     */
    void add(long minute, long[] delta) throws Exception {
        MapState<Long, long[]> slot = slot(minute);
        long[] pane = slot.get(minute);
        if (pane == null || !PackedCounters.addInPlace(pane, delta)) {
            long[] sum = pane == null ? new long[MetricCounter.SIZE] : PackedCounters.dense(pane, MetricCounter.SIZE);
            PackedCounters.addTo(sum, delta, 1);
            pane = PackedCounters.pack(sum);
        }
        slot.put(minute, pane);
    }

    void put(long minute, long[] counters) throws Exception {
        slot(minute).put(minute, PackedCounters.pack(counters));
    }

    void remove(long minute) throws Exception {
        slot(minute).remove(minute);
    }

    /** Every pane of the current scope, dense (for a full recount). */
    List<Map.Entry<Long, long[]>> entries() throws Exception {
        List<Map.Entry<Long, long[]>> all = new ArrayList<>();
        for (MapState<Long, long[]> hour : byHour) {
            for (Map.Entry<Long, long[]> e : hour.entries()) {
                all.add(Map.entry(e.getKey(), PackedCounters.dense(e.getValue(), MetricCounter.SIZE)));
            }
        }
        return all;
    }

    /** The minutes of every pane of the current scope. */
    List<Long> minutes() throws Exception {
        List<Long> all = new ArrayList<>();
        for (MapState<Long, long[]> hour : byHour) {
            for (Long minute : hour.keys()) {
                all.add(minute);
            }
        }
        return all;
    }

    /**
     * Moves the current scope's panes from a checkpoint of an earlier version into the ring, so
     * the windows still retire them; one look-up for a scope that has none.
     */
    void migrateLegacy() throws Exception {
        if (legacy.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, long[]> e : legacy.entries()) {
            put(e.getKey(), e.getValue());
        }
        legacy.clear();
    }
}
