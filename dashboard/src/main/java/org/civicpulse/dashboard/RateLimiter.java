package org.civicpulse.dashboard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** At most N requests per key (client address) per minute, in fixed one-minute windows. */
public final class RateLimiter {
    private static final long MINUTE_MS = 60_000;
    private static final int MAX_KEYS = 100_000;

    private record Window(long minute, int count) {
    }

    private final int perMinute;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, LongSupplier clockMs) {
        this.perMinute = perMinute;
        this.clock = clockMs;
    }

    /** Counts one request; false when the key has used up this minute. */
    public boolean allow(String key) {
        long minute = clock.getAsLong() / MINUTE_MS;
        if (windows.size() > MAX_KEYS) {
            // Bounded memory: windows of past minutes are worthless, drop them.
            windows.values().removeIf(w -> w.minute() != minute);
        }
        Window w = windows.merge(key, new Window(minute, 1), (old, one) ->
                old.minute() == minute ? new Window(minute, old.count() + 1) : one);
        return w.count() <= perMinute;
    }

    /** Seconds until the current window ends, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return (MINUTE_MS - clock.getAsLong() % MINUTE_MS + 999) / 1000;
    }
}
