package org.civicpulse.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards every route but {@code /health}: a bearer token or a session cookie, the cookie being
 * handed out in exchange for {@code /?token=...}.
 */
public final class Auth {
    /** Name of the HttpOnly session cookie. */
    public static final String SESSION_COOKIE = "civicpulse_session";
    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;
    private final Sessions sessions;
    private final Buffer signInPage;

    public Auth(String token, Sessions sessions, Buffer signInPage) {
        this.tokenDigest = sha256(token);
        this.sessions = sessions;
        this.signInPage = signInPage;
    }

    /** Route handler for the API: lets an authenticated request through, else 401 JSON. */
    public void api(RoutingContext ctx) {
        if (isAuthenticated(ctx.request())) {
            ctx.next();
        } else {
            Replies.error(ctx, 401, "Missing or wrong credentials: send 'Authorization: Bearer "
                    + "<token>' or open /?token=<token> in the browser first");
        }
    }

    /** Route handler for pages: exchanges {@code ?token=} for a cookie, else asks for it. */
    public void page(RoutingContext ctx) {
        String presented = ctx.request().getParam("token");
        if (presented != null && tokenMatches(presented)) {
            ctx.response()
                    .addCookie(sessionCookie(sessions.create()))
                    // Redirect so the token leaves the address bar and the history.
                    .putHeader(HttpHeaders.LOCATION, "/")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .setStatusCode(302)
                    .end();
        } else if (presented == null && isAuthenticated(ctx.request())) {
            ctx.next();
        } else {
            Replies.html(ctx, 401, signInPage);
        }
    }

    /** Whether the request carries the right bearer token or a live session cookie. */
    public boolean isAuthenticated(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && tokenMatches(header.substring(BEARER.length()).trim())) {
            return true;
        }
        Cookie cookie = request.getCookie(SESSION_COOKIE);
        return cookie != null && sessions.isValid(cookie.getValue());
    }

    /** Constant-time comparison; hashing first also hides the token's length. */
    boolean tokenMatches(String presented) {
        return MessageDigest.isEqual(tokenDigest, sha256(presented));
    }

    private Cookie sessionCookie(String id) {
        return Cookie.cookie(SESSION_COOKIE, id)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setPath("/")
                .setMaxAge(sessions.lifetime().toSeconds());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
