package org.civicpulse.dashboard;

import java.time.Clock;

/**
 * What the HTTP verticles of one server keep together: a browser's requests reach whichever
 * verticle accepted their connection, so a session signed in on one must be known to all, and a
 * rate limit counts a client's requests on every one of them (per verticle, N verticles would let
 * N times the limit through).
 */
record SharedAccess(Sessions sessions, RateLimiter signIns, RateLimiter api) {
    static SharedAccess of(ServerOptions options) {
        return new SharedAccess(new Sessions(Clock.systemUTC(), Sessions.DEFAULT_LIFETIME),
                new RateLimiter(options.loginPerMinute(), System::currentTimeMillis),
                new RateLimiter(options.apiPerMinute(), System::currentTimeMillis));
    }
}
