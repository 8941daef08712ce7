package org.civicpulse.jobs;

import org.apache.flink.api.common.state.State;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A keyed state of the operator under a test harness, for one key, as its backend holds it: how
 * tests rewrite a key's state the way an earlier version kept it. The state reads and writes the
 * key set here, so fetch it again after the harness has processed other keys.
 */
public final class KeyedStates {
    private KeyedStates() {
    }

    public static <K, S extends State> S of(KeyedOneInputStreamOperatorTestHarness<K, ?, ?> harness, K key,
                                            StateDescriptor<S, ?> descriptor) throws Exception {
        KeyedStateBackend<K> backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(key);
        return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
    }
}
