package org.civicpulse.jobs.hotspot;

import org.civicpulse.contract.Alert;

/** Receives what hotspot detection produces: every new state of an alert, and notifications. */
public interface AlertListener {
    void changed(Alert alert);

    void notify(AlertNotification notification);
}
