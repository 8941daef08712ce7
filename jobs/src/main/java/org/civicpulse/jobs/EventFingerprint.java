package org.civicpulse.jobs;

import java.time.Instant;
import org.civicpulse.contract.CivicEvent;

/**
 * A 64-bit fingerprint of an event's content (FNV-1a over every field), so deduplication can
 * tell a repeat from a conflicting duplicate without keeping the event. It depends only on the
 * field values — enum names, not identity hashes — so it is the same in every JVM and survives
 * a restart from a checkpoint. About ten times cheaper than hashing the event's JSON.
 */
public final class EventFingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    /** Marks a field boundary and an absent field, so ("ab", null) and ("a", "b") differ. */
    private static final char SEPARATOR = '\u001f';
    private static final char ABSENT = '\u001e';

    private long h = OFFSET;

    private EventFingerprint() {
    }

    public static long of(CivicEvent e) {
        EventFingerprint f = new EventFingerprint();
        f.text(e.id()).text(e.source().name()).text(e.type().name()).text(e.caseId()).instant(e.occurredAt())
                .text(e.district()).text(e.street()).text(e.category()).text(e.unit())
                .number(e.lat()).number(e.lon()).text(e.address()).text(urgentFlag(e.urgent()))
                .text(e.channel() == null ? null : e.channel().name())
                .text(e.resolved() == null ? null : e.resolved().toString())
                .text(e.satisfaction() == null ? null : e.satisfaction().name())
                .text(e.passed() == null ? null : e.passed().toString());
        return f.h;
    }

    /**
     * No flag hashes as "0" and {@code true} as "1", as before the flag could be absent, so ids
     * claimed by an earlier version keep their fingerprints; an explicit {@code false}, which then
     * hashed as "0" too, now differs from no flag (it can change a case's limits).
     */
    private static String urgentFlag(Boolean urgent) {
        if (urgent == null) {
            return "0";
        }
        return urgent ? "1" : "f";
    }

    private EventFingerprint text(String s) {
        if (s == null) {
            mix(ABSENT);
        } else {
            for (int i = 0; i < s.length(); i++) {
                mix(s.charAt(i));
            }
        }
        mix(SEPARATOR);
        return this;
    }

    private EventFingerprint number(Double d) {
        return d == null ? text(null) : bits(Double.doubleToLongBits(d));
    }

    private EventFingerprint instant(Instant t) {
        return bits(t.getEpochSecond()).bits(t.getNano());
    }

    private EventFingerprint bits(long v) {
        for (int i = 0; i < 64; i += 16) {
            mix((char) (v >>> i));
        }
        mix(SEPARATOR);
        return this;
    }

    private void mix(char c) {
        h ^= c & 0xff;
        h *= PRIME;
        h ^= c >>> 8;
        h *= PRIME;
    }
}
