package org.civicpulse.dashboard;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that writes responses: JSON bodies, HTML pages and every error reply. */
public final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    private Replies() {
    }

    /** A JSON body with the given status. */
    public static void json(RoutingContext ctx, int status, JsonObject body) {
        start(ctx, status, JSON).end(body.encode());
    }

    /** A JSON error {@code {"error": message}} with the given status. */
    public static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message));
    }

    /** An HTML page with the given status. */
    public static void html(RoutingContext ctx, int status, Buffer page) {
        start(ctx, status, HTML)
                // The page is self-contained: it may only talk back to this server.
                .putHeader("Content-Security-Policy", "default-src 'none'; connect-src 'self'; "
                        + "script-src 'unsafe-inline'; style-src 'unsafe-inline'")
                .putHeader("Referrer-Policy", "no-referrer")
                .end(page);
    }

    /** 429 with {@code Retry-After}. */
    public static void tooMany(RoutingContext ctx, long retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        error(ctx, 429, "Too many requests; try again in " + retryAfterSeconds + " s");
    }

    /** The request body as a JSON object; an empty body is {}, anything else not an object is a 400. */
    public static JsonObject jsonBody(RoutingContext ctx) {
        io.vertx.core.buffer.Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try {
            Object value = io.vertx.core.json.Json.decodeValue(body);
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // Falls through to the same 400 as a non-object.
        }
        throw new ApiError(400, "The request body must be a JSON object");
    }

    /** Router failure handler: a failed route becomes a JSON error, never a stack trace. */
    public static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError apiError) {
            if (!ctx.response().ended() && !ctx.response().headWritten()) {
                error(ctx, apiError.status(), apiError.getMessage());
            }
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.warn("{} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
        }
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        String message = failure == null || failure.getMessage() == null
                ? reason : reason + ": " + failure.getMessage();
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            error(ctx, status, message);
        }
    }

    /** The most telling message of a failure: its root cause's, e.g. "Connection refused". */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        String message = failure.getMessage();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !root.getMessage().isBlank()) {
                message = root.getMessage();
            }
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static HttpServerResponse start(RoutingContext ctx, int status, String contentType) {
        return ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
    }
}
