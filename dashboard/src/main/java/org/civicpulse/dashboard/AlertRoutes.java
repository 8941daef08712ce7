package org.civicpulse.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;

/**
 * {@code GET /api/v1/alerts}: open alerts from the live state; history (any other status) from
 * ClickHouse's {@code alerts} table when it exists, merged with the live state (the newer version
 * of an alert wins). And the operators' commands ({@code POST /api/v1/alerts/{id}/ack|comment|assign}),
 * sent to the job that owns alert state and written to the audit log.
 */
final class AlertRoutes {
    private static final Set<String> STATUSES = Set.of("open", "acked", "closed", "all");
    private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");
    /** At most this many alerts of history are read per request, newest opening first. */
    static final int MAX_HISTORY = 10_000;
    private static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::openedAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Alert::id);

    private final RouteDependencies d;
    private final AlertCommandSink commands;
    private final AuditLog audit;

    /** The checked parameters of a listing. */
    private record Filter(String status, String district, String severity, Instant from, Instant to) {
        boolean accepts(Alert a) {
            return matches(a, status)
                    && (district == null || district.equals(a.district()))
                    && (severity == null || a.severity() != null && severity.equals(a.severity().name()))
                    && (from == null || a.openedAt() != null && !a.openedAt().isBefore(from))
                    && (to == null || a.openedAt() != null && a.openedAt().isBefore(to));
        }
    }

    AlertRoutes(RouteDependencies dependencies, AlertCommandSink commands, AuditLog audit) {
        this.d = dependencies;
        this.commands = commands;
        this.audit = audit;
    }

    void list(RoutingContext ctx) {
        Params p = new Params(ctx, d.catalogue());
        Filter filter = new Filter(p.oneOf("status", STATUSES, "open"), p.district("district"),
                p.oneOf("severity", SEVERITIES, null), p.time("from"), p.time("to"));
        // SPEC §7 lists the alerts unpaged: without a limit, every match (up to what one request
        // reads of the history); limit and offset page through them for clients that want pages.
        int limit = p.integer("limit", 1, MAX_HISTORY, MAX_HISTORY);
        int offset = p.integer("offset", 0, 1_000_000, 0);
        boolean whole = Auth.principal(ctx).isOperator();
        if ("open".equals(filter.status())) {
            Replies.json(ctx, 200, page(d.state().alerts(), filter, limit, offset, whole));
            return;
        }
        Blocking.reply(d.vertx(), ctx, () -> page(merge(d.queries().alertHistory(filter.district(),
                filter.from(), filter.to(), MAX_HISTORY).stream().map(d.alertViews()::fromRow).toList(),
                d.state().alerts()), filter, limit, offset, whole));
    }

    /** Handler of one command action. */
    void command(RoutingContext ctx, AlertCommand.Action action) {
        Principal principal = Auth.principal(ctx);
        if (!principal.isOperator()) {
            throw new ApiError(403, "Only operators may acknowledge, comment on or assign alerts");
        }
        Alert alert = d.state().alert(ctx.pathParam("id"))
                .orElseThrow(() -> new ApiError(404, "No such alert"));
        if (!principal.mayActOn(alert.district())) {
            throw new ApiError(403, "This alert is outside the districts you may act on");
        }
        JsonObject body = Replies.jsonBody(ctx);
        String comment = Params.bodyText(body.getValue("comment"), "comment", 500);
        String assignee = Params.bodyText(body.getValue("assignedTo"), "assignedTo", 100);
        if (action == AlertCommand.Action.COMMENT && comment == null
                || action == AlertCommand.Action.ASSIGN && assignee == null) {
            throw new ApiError(400, action == AlertCommand.Action.COMMENT
                    ? "A comment needs 'comment'" : "An assignment needs 'assignedTo'");
        }
        AlertCommand command = new AlertCommand(UUID.randomUUID().toString(), alert.id(), action,
                principal.name(), comment, assignee, Instant.now());
        commands.send(command)
                .compose(sent -> audit.record(command))
                .onSuccess(v -> Replies.json(ctx, 202, new JsonObject()
                        .put("commandId", command.commandId()).put("alertId", alert.id())
                        .put("action", action.name())))
                .onFailure(e -> Replies.error(ctx, 503,
                        "The command could not be delivered to the alert job; try again"));
    }

    /** Each alert once, in its newest version of the two sources. */
    static List<Alert> merge(Collection<Alert> history, Collection<Alert> live) {
        Map<String, Alert> newest = new HashMap<>();
        for (Alert a : history) {
            newest.merge(a.id(), a, AlertRoutes::newer);
        }
        for (Alert a : live) {
            newest.merge(a.id(), a, AlertRoutes::newer);
        }
        return newest.values().stream().sorted(NEWEST_FIRST).toList();
    }

    private static Alert newer(Alert held, Alert other) {
        return other.version() >= held.version() ? other : held;
    }

    private JsonObject page(List<Alert> alerts, Filter filter, int limit, int offset, boolean whole) {
        List<Alert> matching = alerts.stream().filter(filter::accepts).toList();
        JsonArray out = new JsonArray();
        matching.stream().skip(offset).limit(limit).forEach(a -> out.add(d.alertViews().toJson(a, whole)));
        return new JsonObject().put("alerts", out).put("total", matching.size());
    }

    private static boolean matches(Alert alert, String status) {
        return switch (status) {
            case "open" -> alert.active();
            case "acked" -> alert.status() == Alert.Status.ACKED;
            case "closed" -> alert.status() == Alert.Status.CLOSED;
            default -> true;
        };
    }
}
