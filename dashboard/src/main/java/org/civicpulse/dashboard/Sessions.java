package org.civicpulse.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Browser sessions in memory: random 32-byte ids that expire a fixed time after they are made. */
public final class Sessions {
    /** How long a wall screen stays signed in after it opened {@code /?token=...}. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    public Sessions(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Opens a session and returns its id. */
    public String create() {
        Instant now = clock.instant();
        // Dropping expired sessions here keeps the map bounded by the sessions of one lifetime.
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(id, now.plus(lifetime));
        return id;
    }

    /** Whether the id belongs to a session that has not expired. */
    public boolean isValid(String id) {
        if (id == null) {
            return false;
        }
        Instant expiry = expiries.get(id);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(id);
            return false;
        }
        return true;
    }
}
