package org.civicpulse.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's command on an alert, sent by the dashboard server to the alert-commands topic
 * (keyed by {@link #alertId}) and applied by the job that owns alert state (SPEC §5, §7).
 *
 * @param commandId  unique per command, so a command delivered twice is applied once
 * @param action     what to do; an ACK may carry a comment and an assignee as well
 * @param by         the authenticated operator
 * @param comment    free text, may be null
 * @param assignedTo who should handle it, may be null
 * @param at         wall-clock time the operator sent it
 */
public record AlertCommand(String commandId, String alertId, Action action, String by, String comment,
                           String assignedTo, Instant at) {

    public enum Action { ACK, COMMENT, ASSIGN }

    public AlertCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(by, "by");
    }
}
