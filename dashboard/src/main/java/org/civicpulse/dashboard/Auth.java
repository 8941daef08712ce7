package org.civicpulse.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Guards every route but {@code /health}: a bearer token or a session cookie. The cookie is handed
 * out for {@code /?token=...} (wall screens) or a signed-in user ({@code POST /login}).
 */
public final class Auth {
    /** Name of the HttpOnly session cookie. */
    public static final String SESSION_COOKIE = "civicpulse_session";
    /** Where the authenticated principal travels on the routing context. */
    public static final String PRINCIPAL = "principal";
    private static final String BEARER = "Bearer ";

    private final Users users;
    private final Sessions sessions;
    private final Buffer signInPage;
    private final RateLimiter logins;
    private final ServerMetrics metrics;

    public Auth(Users users, Sessions sessions, Buffer signInPage, RateLimiter logins,
            ServerMetrics metrics) {
        this.users = users;
        this.sessions = sessions;
        this.signInPage = signInPage;
        this.logins = logins;
        this.metrics = metrics;
    }

    /** The principal on an authenticated routing context (set by {@link #api}). */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    /** Route handler for the API, WebSocket and metrics: lets a known principal through, else 401 JSON. */
    public void api(RoutingContext ctx) {
        Optional<Principal> principal = principal(ctx.request());
        if (principal.isPresent()) {
            ctx.put(PRINCIPAL, principal.get());
            ctx.next();
        } else {
            metrics.authFailure(ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)
                    ? "bad_token" : "no_credentials");
            Replies.error(ctx, 401, "Missing or wrong credentials: send 'Authorization: Bearer "
                    + "<token>', sign in at /login, or open /?token=<token> in the browser first");
        }
    }

    /** Route handler for pages: exchanges {@code ?token=} for a cookie, else asks for it. */
    public void page(RoutingContext ctx) {
        String presented = ctx.request().getParam("token");
        Optional<Principal> byToken = users.byToken(presented);
        if (presented != null && byToken.isPresent()) {
            ctx.response()
                    .addCookie(sessionCookie(sessions.create(byToken.get())))
                    // Redirect so the token leaves the address bar and the history.
                    .putHeader(HttpHeaders.LOCATION, "/")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .setStatusCode(302)
                    .end();
        } else if (presented == null && principal(ctx.request()).isPresent()) {
            ctx.next();
        } else {
            if (presented != null) {
                metrics.authFailure("bad_token");
            }
            Replies.html(ctx, 401, signInPage);
        }
    }

    /** {@code POST /login}: a JSON or form body with user and password; sets the session cookie. */
    public void login(RoutingContext ctx) {
        if (!logins.allow(ctx.request().remoteAddress().hostAddress())) {
            metrics.authFailure("login_rate_limited");
            Replies.tooMany(ctx, logins.retryAfterSeconds());
            return;
        }
        boolean form = !isJson(ctx.request());
        String user;
        String password;
        if (form) {
            user = ctx.request().getFormAttribute("user");
            password = ctx.request().getFormAttribute("password");
        } else {
            JsonObject body = Replies.jsonBody(ctx);
            user = body.getValue("user") instanceof String s ? s : null;
            password = body.getValue("password") instanceof String s ? s : null;
        }
        // Checking a password hashes it on purpose slowly (PBKDF2, 50–90 ms here): on the event
        // loop every sign-in would stall the deltas of every screen that loop serves.
        ctx.vertx().executeBlocking(() -> users.signIn(user, password), false)
                .onSuccess(principal -> signedIn(ctx, form, principal))
                .onFailure(ctx::fail);
    }

    private void signedIn(RoutingContext ctx, boolean form, Optional<Principal> principal) {
        if (principal.isEmpty()) {
            metrics.authFailure("bad_password");
            if (form) {
                Replies.html(ctx, 401, signInPage);
            } else {
                Replies.error(ctx, 401, "Wrong user name or password");
            }
            return;
        }
        ctx.response().addCookie(sessionCookie(sessions.create(principal.get())));
        if (form) {
            ctx.response().putHeader(HttpHeaders.LOCATION, "/").setStatusCode(303).end();
        } else {
            Replies.json(ctx, 200, principal.get().toJson());
        }
    }

    /** {@code POST /logout}: ends the session and clears the cookie. */
    public void logout(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        sessions.remove(cookie == null ? null : cookie.getValue());
        ctx.response().addCookie(sessionCookie("").setMaxAge(0)).setStatusCode(204).end();
    }

    /** The principal of the request's bearer token or session cookie. */
    public Optional<Principal> principal(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return users.byToken(header.substring(BEARER.length()).trim());
        }
        Cookie cookie = request.getCookie(SESSION_COOKIE);
        return cookie == null ? Optional.empty() : sessions.principal(cookie.getValue());
    }

    /** Whether the request carries a known bearer token or a live session cookie. */
    public boolean isAuthenticated(HttpServerRequest request) {
        return principal(request).isPresent();
    }

    private static boolean isJson(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase().startsWith("application/json");
    }

    private Cookie sessionCookie(String id) {
        return Cookie.cookie(SESSION_COOKIE, id)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setPath("/")
                .setMaxAge(sessions.lifetime().toSeconds());
    }
}
