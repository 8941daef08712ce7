package org.civicpulse.dashboard;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.EventCodec;

/**
 * The whole server in one Vert.x instance: the live feed (Kafka → live state) and
 * {@code instances} HTTP verticles sharing that state, each serving its share of the sockets.
 */
public final class DashboardServer {
    private static final AtomicInteger NEXT_PORT_GROUP = new AtomicInteger();
    private final LiveState state;
    private final ServerMetrics metrics = new ServerMetrics();
    private final LiveFeedVerticle feed;
    private final List<HttpVerticle> http = new ArrayList<>();
    private final SharedAccess access;
    /** Names this server's free port when configured with port 0 (see {@link HttpVerticle#sharing}). */
    private final int portGroup = NEXT_PORT_GROUP.decrementAndGet();

    public DashboardServer(JsonObject config) {
        ServerOptions options = ServerOptions.fromJson(config);
        EventCodec codec = new EventCodec();
        AlertViews alertViews = new AlertViews(codec);
        this.state = new LiveState(new ScopeViews(Catalogue.load(), Clock.systemUTC(), options),
                alertViews);
        this.feed = new LiveFeedVerticle(state, alertViews, metrics);
        this.access = SharedAccess.of(options);
    }

    /** Deploys the feed, then the HTTP verticles; fails when any fails. */
    public Future<Void> deploy(Vertx vertx, JsonObject config, int instances) {
        DeploymentOptions options = new DeploymentOptions().setConfig(config);
        return vertx.deployVerticle(feed, options).compose(id -> {
            List<Future<String>> deployed = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                HttpVerticle verticle = new HttpVerticle(state, metrics, feed::caughtUp)
                        .sharing(access, portGroup);
                http.add(verticle);
                deployed.add(vertx.deployVerticle(verticle, options));
            }
            return Future.all(deployed).mapEmpty();
        });
    }

    /** The port the HTTP verticles share. */
    public int port() {
        return http.get(0).port();
    }

    /** Live sockets per HTTP verticle, in deployment order. */
    List<Integer> liveSocketsPerVerticle() {
        return http.stream().map(HttpVerticle::liveSockets).toList();
    }

    public LiveState state() {
        return state;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public boolean caughtUp() {
        return feed.caughtUp();
    }
}
