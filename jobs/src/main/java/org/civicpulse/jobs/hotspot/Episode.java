package org.civicpulse.jobs.hotspot;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.Alert.Kind;
import org.civicpulse.contract.Alert.Severity;
import org.civicpulse.contract.Alert.Status;
import org.civicpulse.contract.AlertCommand;

/**
 * One street × category episode and its alert: opens on an alarm, then follows the unit's last
 * 30 minutes. It stays open while those hold at least twice the expected count (a weaker test
 * than the one that opened it: hysteresis), turns {@code DIMINISHING} when they do not, and
 * closes after {@code calm} without a rise. Severity only rises within an episode, so it does not
 * flap. Plain fields (no records or immutable lists) so Flink can checkpoint it as it is.
 */
final class Episode implements Serializable {
    private static final long serialVersionUID = 1L;
    /** An episode that neither intensifies nor calms down for this long is PERSISTENT. */
    static final long PERSISTENT_AFTER_MS = 3_600_000;
    /** INTENSIFYING: the window's observed ÷ expected rose by half since the kind was last set. */
    static final double INTENSIFY_RATIO = 1.5;
    static final int APPLIED_COMMANDS_KEPT = 100;

    String id;
    String district;
    String street;
    String category;
    Kind kind;
    Severity severity;
    Status status;
    long openedAt;
    long lastSeenAt;
    long closedAt;
    long observed;
    double expected;
    double score;
    String ackedBy;
    String comment;
    String assignedTo;
    long version;
    long kindSince;
    double ratioAtKind;
    long observedAtKind;
    long calmSince = -1;
    long nextReminderAt = -1;
    int reminders;
    ArrayList<String> appliedCommands = new ArrayList<>();

    /** For HotspotStateCodec. */
    Episode() {
    }

    static Episode open(String id, String district, String street, String category, long at, long observed,
                        double expected, double score) {
        Episode e = new Episode();
        e.id = id;
        e.district = district;
        e.street = street;
        e.category = category;
        e.kind = Kind.NEW;
        e.status = Status.OPEN;
        e.openedAt = at;
        e.lastSeenAt = at;
        e.kindSince = at;
        e.measure(observed, expected, score);
        e.ratioAtKind = ratio(observed, expected);
        e.observedAtKind = observed;
        e.severity = severityOf(observed, expected);
        return e;
    }

    boolean active() {
        return status != Status.CLOSED;
    }

    void measure(long observed, double expected, double score) {
        this.observed = observed;
        this.expected = expected;
        this.score = score;
    }

    /**
     * Follows the episode through one more closed bucket; returns whether its state changed and
     * tells {@code notices} when it escalated.
     */
    boolean follow(long at, boolean calm, Severity now, long calmMs, List<AlertNotification.Reason> notices) {
        boolean changed = false;
        double ratio = ratio(observed, expected);
        if (!calm) {
            lastSeenAt = at;
            calmSince = -1;
            if (kind == Kind.DIMINISHING
                    || ratio >= INTENSIFY_RATIO * ratioAtKind && observed >= observedAtKind + 2) {
                changed |= setKind(Kind.INTENSIFYING, at, ratio);
            } else if (kind != Kind.PERSISTENT && at - kindSince >= PERSISTENT_AFTER_MS) {
                changed |= setKind(Kind.PERSISTENT, at, ratio);
            }
            if (now.compareTo(severity) > 0) {
                severity = now;
                changed = true;
                notices.add(AlertNotification.Reason.ESCALATED);
            }
        } else if (calmSince < 0) {
            calmSince = at;
            changed |= setKind(Kind.DIMINISHING, at, ratio);
        } else if (at - calmSince >= calmMs) {
            status = Status.CLOSED;
            closedAt = at;
            changed = true;
        }
        return changed;
    }

    private boolean setKind(Kind k, long at, double ratio) {
        boolean changed = kind != k;
        kind = k;
        kindSince = at;
        ratioAtKind = ratio;
        observedAtKind = observed;
        return changed;
    }

    /** Whether an unacknowledged HIGH alert is due for another reminder; arms the next one. */
    boolean remindAt(long at, long renotifyMs) {
        if (status != Status.OPEN || severity != Severity.HIGH) {
            return false;
        }
        if (nextReminderAt < 0) {
            nextReminderAt = at + renotifyMs;
            return false;
        }
        if (at < nextReminderAt) {
            return false;
        }
        reminders++;
        // Widening intervals: renotify, then twice, four times … as long after.
        nextReminderAt = at + (renotifyMs << Math.min(reminders, 16));
        return true;
    }

    /** Applies an operator's command once; returns false for a command already applied. */
    boolean apply(AlertCommand c) {
        if (appliedCommands.contains(c.commandId())) {
            return false;
        }
        appliedCommands.add(c.commandId());
        if (appliedCommands.size() > APPLIED_COMMANDS_KEPT) {
            appliedCommands.remove(0);
        }
        if (c.action() == AlertCommand.Action.ACK) {
            ackedBy = c.by();
            if (status == Status.OPEN) {
                status = Status.ACKED;
            }
        }
        if (c.comment() != null) {
            comment = c.comment();
        }
        if (c.assignedTo() != null) {
            assignedTo = c.assignedTo();
        }
        return true;
    }

    /** The alert's next version, with {@code points} where its cases concentrate. */
    Alert toAlert(List<Alert.AlertPoint> points) {
        version++;
        return snapshot(points);
    }

    /** The alert as it stands, without a new version (for a reminder). */
    Alert snapshot(List<Alert.AlertPoint> points) {
        return new Alert(id, district, street, category, kind, severity, status, Instant.ofEpochMilli(openedAt),
                Instant.ofEpochMilli(lastSeenAt), status == Status.CLOSED ? Instant.ofEpochMilli(closedAt) : null,
                observed, expected, score, points, ackedBy, comment, assignedTo, version);
    }

    static double ratio(long observed, double expected) {
        return observed / Math.max(expected, 0.1);
    }

    /** HIGH: a large absolute excess or a big multiple; MEDIUM: clearly more than chance; else LOW. */
    static Severity severityOf(long observed, double expected) {
        double excess = observed - expected;
        double ratio = ratio(observed, expected);
        if (excess >= 15 || ratio >= 5 && excess >= 8) {
            return Severity.HIGH;
        }
        if (excess >= 6 || ratio >= 3 && excess >= 4) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }
}
