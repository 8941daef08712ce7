package org.civicpulse.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deltas a slow socket has not been sent yet: only the latest per key (values are absolute,
 * so an older delta of the same key is worthless once a newer one is known), at most
 * {@code limit} keys. Not thread-safe: one socket's event loop owns it.
 */
final class CoalescingQueue {
    private final int limit;
    private final Map<String, Frame> latest = new LinkedHashMap<>();

    CoalescingQueue(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("A queue holds at least one key, not " + limit);
        }
        this.limit = limit;
    }

    /** Keeps the frame as its key's latest; false when that makes more keys than the limit. */
    boolean offer(Frame frame) {
        latest.put(frame.key(), frame);
        return latest.size() <= limit;
    }

    boolean isEmpty() {
        return latest.isEmpty();
    }

    int size() {
        return latest.size();
    }

    void clear() {
        latest.clear();
    }

    /** Takes every waiting frame in sequence order, leaving the queue empty. */
    List<Frame> drain() {
        List<Frame> frames = new ArrayList<>(latest.values());
        latest.clear();
        frames.sort(Comparator.comparingLong(Frame::seq));
        return frames;
    }
}
