package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.EventCodec;

/**
 * {@code GET /api/v1/alerts} from the live state, and the operators' commands
 * ({@code POST /api/v1/alerts/{id}/ack|comment|assign}), published on the alert-commands topic for
 * the job that owns alert state and written to the audit log.
 */
final class AlertRoutes {
    private static final Set<String> STATUSES = Set.of("open", "acked", "closed", "all");
    private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");
    private final LiveState state;
    private final AlertViews views;
    private final ScopeViews scopes;
    private final KafkaProducer<String, byte[]> producer;
    private final String commandsTopic;
    private final EventCodec codec;
    private final AuditLog audit;
    private final ServerMetrics metrics;

    AlertRoutes(LiveState state, AlertViews views, ScopeViews scopes,
            KafkaProducer<String, byte[]> producer, String commandsTopic, EventCodec codec,
            AuditLog audit, ServerMetrics metrics) {
        this.state = state;
        this.views = views;
        this.scopes = scopes;
        this.producer = producer;
        this.commandsTopic = commandsTopic;
        this.codec = codec;
        this.audit = audit;
        this.metrics = metrics;
    }

    void list(RoutingContext ctx) {
        Params p = new Params(ctx, scopes.catalogue());
        String status = p.oneOf("status", STATUSES, "open");
        String district = p.district("district");
        String severity = p.oneOf("severity", SEVERITIES, null);
        Instant from = p.time("from");
        Instant to = p.time("to");
        int limit = p.integer("limit", 1, 500, 100);
        int offset = p.integer("offset", 0, 1_000_000, 0);
        List<Alert> matching = state.alerts().stream()
                .filter(a -> matches(a, status))
                .filter(a -> district == null || district.equals(a.district()))
                .filter(a -> severity == null || a.severity() != null && severity.equals(a.severity().name()))
                .filter(a -> from == null || a.openedAt() != null && !a.openedAt().isBefore(from))
                .filter(a -> to == null || a.openedAt() != null && a.openedAt().isBefore(to))
                .toList();
        boolean whole = Auth.principal(ctx).isOperator();
        JsonArray out = new JsonArray();
        matching.stream().skip(offset).limit(limit).forEach(a -> out.add(views.toJson(a, whole)));
        Replies.json(ctx, 200, new JsonObject().put("alerts", out).put("total", matching.size()));
    }

    /** Handler of one command action. */
    void command(RoutingContext ctx, AlertCommand.Action action) {
        Principal principal = Auth.principal(ctx);
        if (!principal.isOperator()) {
            throw new ApiError(403, "Only operators may acknowledge, comment on or assign alerts");
        }
        Alert alert = state.alert(ctx.pathParam("id"))
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
        publish(command)
                .compose(sent -> audit.record(command))
                .onSuccess(v -> Replies.json(ctx, 202, new JsonObject()
                        .put("commandId", command.commandId()).put("alertId", alert.id())
                        .put("action", action.name())))
                .onFailure(e -> Replies.error(ctx, 503,
                        "The command could not be delivered to the alert job; try again"));
    }

    private Future<Void> publish(AlertCommand command) {
        byte[] value;
        try {
            value = codec.mapper().writeValueAsBytes(command);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        return producer.send(KafkaProducerRecord.create(commandsTopic, command.alertId(), value))
                .onSuccess(m -> metrics.commandPublished()).mapEmpty();
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
