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

    private record Session(Principal principal, Instant expiry) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
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

    /** Opens a session for the principal and returns its id. */
    public String create(Principal principal) {
        Instant now = clock.instant();
        // Dropping expired sessions here keeps the map bounded by the sessions of one lifetime.
        sessions.values().removeIf(s -> !now.isBefore(s.expiry()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(principal, now.plus(lifetime)));
        return id;
    }

    /** Whether the id belongs to a session that has not expired. */
    public boolean isValid(String id) {
        return principal(id).isPresent();
    }

    /** The principal of a live session. */
    public java.util.Optional<Principal> principal(String id) {
        Session session = id == null ? null : sessions.get(id);
        if (session == null) {
            return java.util.Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiry())) {
            sessions.remove(id);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(session.principal());
    }

    /** Ends a session (sign-out). */
    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
