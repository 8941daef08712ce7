package org.civicpulse.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/live} on one HTTP verticle: checks the Origin, upgrades authenticated requests and
 * fans the delta frames of the event bus out to this verticle's sockets. One event-bus consumer per
 * verticle, not per socket; sockets leave the set when they close.
 */
final class LiveSockets {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSockets.class);
    private final Vertx vertx;
    private final LiveState state;
    private final ServerMetrics metrics;
    private final List<String> allowedOrigins;
    private final int queueLimit;
    private final Set<LiveClient> clients = new HashSet<>();
    private MessageConsumer<Frame> consumer;

    LiveSockets(Vertx vertx, LiveState state, ServerMetrics metrics, List<String> allowedOrigins,
            int queueLimit) {
        this.vertx = vertx;
        this.state = state;
        this.metrics = metrics;
        this.allowedOrigins = allowedOrigins;
        this.queueLimit = queueLimit;
    }

    void start() {
        FrameCodec.register(vertx);
        consumer = vertx.eventBus().localConsumer(LiveFeedVerticle.FRAMES, message -> {
            Frame frame = message.body();
            for (LiveClient client : clients) {
                try {
                    client.offer(frame);
                } catch (RuntimeException e) {
                    // One socket's failure must not cost the sockets after it this delta.
                    LOG.debug("Delta not offered to a socket: {}", e.toString());
                }
            }
        });
    }

    /** How many sockets this verticle serves (read on its event loop; elsewhere, a rough count). */
    int size() {
        return clients.size();
    }

    void stop() {
        if (consumer != null) {
            consumer.unregister();
        }
    }

    /** Route handler, after authentication: Origin check, channel check, upgrade. */
    void upgrade(RoutingContext ctx) {
        if (!originAllowed(ctx)) {
            metrics.authFailure("bad_origin");
            throw new ApiError(403, "This page's origin may not open the live feed");
        }
        String channel = ctx.request().getParam("channel", LiveState.CITY);
        if (!state.isChannel(channel)) {
            throw new ApiError(400, "Parameter 'channel' must be 'city' or 'district:<code>'");
        }
        ctx.request().toWebSocket().onSuccess(socket -> open(socket, channel))
                .onFailure(ctx::fail);
    }

    private void open(ServerWebSocket socket, String channel) {
        LiveClient client = new LiveClient(LiveClient.outlet(socket), state, metrics, queueLimit,
                channel);
        clients.add(client);
        metrics.clientConnected();
        socket.closeHandler(v -> {
            clients.remove(client);
            metrics.clientDisconnected();
        });
        socket.exceptionHandler(e -> socket.close());
        socket.textMessageHandler(text -> onMessage(client, text));
        client.resync();
    }

    private void onMessage(LiveClient client, String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (RuntimeException e) {
            client.control("error", "Messages must be JSON objects");
            return;
        }
        switch (String.valueOf(message.getValue("type"))) {
            case "resync" -> client.resync();
            case "ping" -> client.control("pong", null);
            case "subscribe" -> {
                Object channel = message.getValue("channel");
                if (channel instanceof String c && state.isChannel(c)) {
                    client.subscribe(c);
                } else {
                    client.control("error", "Unknown channel");
                }
            }
            default -> client.control("error", "Unknown message type");
        }
    }

    // Browsers always send Origin; it must be this server (same host:port) or a configured one.
    // Clients that are not browsers send none and are let through on their credentials alone.
    private boolean originAllowed(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.request().getHeader(HttpHeaders.HOST);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
