package org.civicpulse.jobs.points;

import java.util.Locale;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;

/**
 * Points (点位, SPEC §4): the {@code address} when given, else a ~100 m cell of {@code lat}/{@code
 * lon} (0.001° of latitude is 111 m; of longitude at Beijing, 85 m).
 */
public final class Point {
    private Point() {
    }

    /** The event's point, or null when it has neither an address nor coordinates. */
    public static String of(CivicEvent e) {
        if (e.address() != null && !e.address().isBlank()) {
            return e.address().trim();
        }
        if (e.lat() != null && e.lon() != null) {
            return String.format(Locale.ROOT, "cell:%.3f,%.3f", Math.floor(e.lat() * 1000) / 1000,
                    Math.floor(e.lon() * 1000) / 1000);
        }
        return null;
    }

    /** A problem is a HOTLINE or GRID case created, or a failed spot check. */
    public static boolean isProblem(CivicEvent e) {
        return e.type() == EventType.CREATED || e.type() == EventType.CHECKED && Boolean.FALSE.equals(e.passed());
    }

    /** Found by the city itself: a GRID case or a failed spot check. */
    public static boolean isProactive(CivicEvent e) {
        return isProblem(e) && (e.source() != org.civicpulse.contract.Source.HOTLINE);
    }
}
