package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.civicpulse.contract.AlertCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every ack, comment and assignment (who, when, what), one JSON line each in {@code <data.dir>/audit.log}. */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("civicpulse.audit");
    private final Vertx vertx;
    private final Path file;

    public AuditLog(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends the command; the future fails when the line could not be written. */
    public Future<Void> record(AlertCommand command) {
        JsonObject line = new JsonObject().put("at", command.at().toString())
                .put("by", command.by()).put("action", command.action().name())
                .put("alertId", command.alertId()).put("commandId", command.commandId())
                .put("comment", command.comment()).put("assignedTo", command.assignedTo());
        LOG.info("{}", line.encode());
        return vertx.executeBlocking(() -> {
            append(line.encode() + "\n");
            return null;
        });
    }

    private synchronized void append(String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + file, e);
        }
    }
}
