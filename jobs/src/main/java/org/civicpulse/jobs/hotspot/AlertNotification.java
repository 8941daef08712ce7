package org.civicpulse.jobs.hotspot;

import org.civicpulse.contract.Alert;

/**
 * Something an operator should hear about at once, posted to the webhook: a new alert, one that
 * escalated, or an unacknowledged HIGH alert reminded again.
 */
public record AlertNotification(Reason reason, Alert alert) {
    public enum Reason { NEW, ESCALATED, REMINDER }
}
