package org.civicpulse.jobs.metrics;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The per-field states a scope kept before {@link ScopeState} (checkpoints of earlier versions):
 * read once per scope, the first time it is seen after a restore, moved into its
 * {@link ScopeState} and cleared. Pending timers need nothing: they fire as before and find
 * their times in the moved state.
 */
final class EarlierScopeStates {
    private final ValueState<WindowSums> sums;
    private final ValueState<Long> emitAt;
    private final ValueState<Long> nextMinute;
    private final MapState<Long, Boolean> changedMinutes;
    private final MapState<Long, Boolean> changedDays;

    EarlierScopeStates(RuntimeContext ctx) {
        sums = ctx.getState(descriptor("sums"));
        emitAt = ctx.getState(new ValueStateDescriptor<>("emit-at", Types.LONG));
        nextMinute = ctx.getState(new ValueStateDescriptor<>("next-minute", Types.LONG));
        changedMinutes = ctx.getMapState(new MapStateDescriptor<>("changed-minutes", Types.LONG, Types.BOOLEAN));
        changedDays = ctx.getMapState(new MapStateDescriptor<>("changed-days", Types.LONG, Types.BOOLEAN));
    }

    /** The descriptor of the earlier running sums (tests write state through it). */
    static ValueStateDescriptor<WindowSums> descriptor(String name) {
        return new ValueStateDescriptor<>(name, TypeInformation.of(WindowSums.class));
    }

    /** Moves the current scope's earlier states, if any, into {@code st}. */
    void moveInto(ScopeState st) throws Exception {
        WindowSums s = sums.value();
        if (s != null) {
            st.sums = s;
            sums.clear();
        }
        Long at = emitAt.value();
        if (at != null) {
            st.emitAt = at;
            emitAt.clear();
        }
        Long minute = nextMinute.value();
        if (minute != null) {
            st.nextMinute = minute;
            nextMinute.clear();
        }
        for (long m : changedMinutes.keys()) {
            st.minuteChanged(m);
        }
        changedMinutes.clear();
        for (long d : changedDays.keys()) {
            st.dayChanged(d);
        }
        changedDays.clear();
    }
}
