package org.civicpulse.jobs.hotspot.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.jobs.hotspot.AlertIds;
import org.civicpulse.jobs.hotspot.AlertListener;
import org.civicpulse.jobs.hotspot.AlertNotification;
import org.civicpulse.jobs.hotspot.HotspotConfig;
import org.civicpulse.jobs.hotspot.HotspotWatch;

/**
 * One detector configuration over a whole simulated city: one {@link HotspotWatch} per district ×
 * category, exactly as the job keeps them, and the episodes it opened.
 */
final class DetectorRun implements AlertListener {
    /** An episode's opening: its unit and event time. */
    record Opened(String unit, long at) {
    }

    final HotspotConfig config;
    private final Catalogue catalogue;
    private final Map<String, HotspotWatch> watches = new HashMap<>();
    final List<Opened> opened = new ArrayList<>();

    DetectorRun(HotspotConfig config, Catalogue catalogue) {
        this.config = config;
        this.catalogue = catalogue;
    }

    void count(CivicEvent e) {
        HotspotWatch w = watches.computeIfAbsent(AlertIds.key(e.district(), e.category()),
                k -> new HotspotWatch(config, e.district(), e.category(), catalogue.streets(e.district()).size()));
        String code = catalogue.street(e.district(), e.street()).map(Catalogue.Street::code).orElse(e.street());
        w.count(e.street(), code, e.occurredAt().toEpochMilli(), null, null, null);
    }

    /** Judges every bucket that ended by {@code watermark}. */
    void advanceTo(long watermark) {
        for (HotspotWatch w : watches.values()) {
            w.advanceTo(watermark, this);
        }
    }

    @Override
    public void changed(Alert a) {
        if (a.version() == 1) {
            opened.add(new Opened(Units.of(a.district(), a.street(), a.category()), a.openedAt().toEpochMilli()));
        }
    }

    @Override
    public void notify(AlertNotification n) {
        // The evaluation scores openings only.
    }
}
