package org.civicpulse.jobs.hotspot;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.civicpulse.contract.Alert;

/**
 * Writes, reads and deep-copies a {@link HotspotWatch} field by field: primitives and arrays
 * straight to Flink's data views, no reflection, no class descriptors. The heap state backend
 * copies a watch every time it is touched during a running snapshot, so {@link #copy} is written
 * by hand (array copies) rather than as a write and a read. Immutable parts — the config and
 * each {@link PointHit} — are shared by a copy; everything that changes is duplicated.
 *
 * <p>The layout below is version {@link #FORMAT} of the state; a change to it needs a new
 * version in {@link HotspotWatchSerializer.Snapshot}.
 */
final class HotspotStateCodec {
    static final int FORMAT = 1;

    private HotspotStateCodec() {
    }

    // ---- write ----

    static void write(HotspotWatch w, DataOutputView out) throws IOException {
        writeConfig(w.config, out);
        writeString(w.district, out);
        writeString(w.category, out);
        out.writeInt(w.streetsInDistrict);
        writeProfile(w.profile, out);
        out.writeInt(w.streets.size());
        for (StreetTrack t : w.streets.values()) {
            writeTrack(t, out);
        }
        out.writeDouble(w.decayedCount);
        out.writeDouble(w.hourCount);
        out.writeLong(w.nextBucket);
        out.writeLong(w.firstBucket);
    }

    private static void writeConfig(HotspotConfig c, DataOutputView out) throws IOException {
        out.writeLong(c.bucket().toMillis());
        out.writeUTF(c.method().name());
        out.writeDouble(c.threshold());
        out.writeInt(c.minCases());
        out.writeLong(c.calm().toMillis());
        out.writeLong(c.cooldown().toMillis());
        out.writeLong(c.warmup().toMillis());
        out.writeLong(c.renotify().toMillis());
        out.writeInt(c.holidays().dates().size());
        for (LocalDate d : c.holidays().dates()) {
            out.writeLong(d.toEpochDay());
        }
    }

    private static void writeProfile(HourOfWeekProfile p, DataOutputView out) throws IOException {
        writeDoubles(p.hourSum, out);
        writeDoubles(p.hourWeight, out);
        writeDoubles(p.daySum, out);
        writeDoubles(p.dayWeight, out);
        out.writeDouble(p.today);
        out.writeDouble(p.hoursLearned);
    }

    private static void writeTrack(StreetTrack t, DataOutputView out) throws IOException {
        writeString(t.street, out);
        writeString(t.streetCode, out);
        out.writeInt(t.pending.size());
        for (Map.Entry<Long, Integer> e : t.pending.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue());
        }
        writeHistory(t.history, out);
        out.writeDouble(t.decayedCount);
        out.writeInt(t.hits.size());
        for (PointHit h : t.hits) {
            out.writeLong(h.bucketStart);
            writeString(h.label, out);
            out.writeBoolean(h.located);
            out.writeDouble(h.lat);
            out.writeDouble(h.lon);
        }
        out.writeBoolean(t.episode != null);
        if (t.episode != null) {
            writeEpisode(t.episode, out);
        }
        out.writeLong(t.cooldownUntil);
    }

    private static void writeHistory(CountHistory h, DataOutputView out) throws IOException {
        for (int i = 0; i < CountHistory.SIZE; i++) {
            out.writeInt(h.raw[i]);
            out.writeFloat(h.learned[i]);
            out.writeFloat(h.base[i]);
            out.writeFloat(h.expected[i]);
        }
        out.writeInt(h.next);
        out.writeLong(h.filled);
        out.writeDouble(h.statistic);
        out.writeDouble(h.recentLearned);
        out.writeDouble(h.recentBase);
    }

    private static void writeEpisode(Episode e, DataOutputView out) throws IOException {
        writeString(e.id, out);
        writeString(e.district, out);
        writeString(e.street, out);
        writeString(e.category, out);
        writeString(e.kind == null ? null : e.kind.name(), out);
        writeString(e.severity == null ? null : e.severity.name(), out);
        writeString(e.status == null ? null : e.status.name(), out);
        out.writeLong(e.openedAt);
        out.writeLong(e.lastSeenAt);
        out.writeLong(e.closedAt);
        out.writeLong(e.observed);
        out.writeDouble(e.expected);
        out.writeDouble(e.score);
        writeString(e.ackedBy, out);
        writeString(e.comment, out);
        writeString(e.assignedTo, out);
        out.writeLong(e.version);
        out.writeLong(e.kindSince);
        out.writeDouble(e.ratioAtKind);
        out.writeLong(e.observedAtKind);
        out.writeLong(e.calmSince);
        out.writeLong(e.nextReminderAt);
        out.writeInt(e.reminders);
        out.writeInt(e.appliedCommands.size());
        for (String c : e.appliedCommands) {
            writeString(c, out);
        }
    }

    private static void writeDoubles(double[] a, DataOutputView out) throws IOException {
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static void writeString(String s, DataOutputView out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    // ---- read ----

    static HotspotWatch read(DataInputView in) throws IOException {
        HotspotWatch w = new HotspotWatch();
        w.config = readConfig(in);
        w.detector = w.config.method().detector();
        w.district = readString(in);
        w.category = readString(in);
        w.streetsInDistrict = in.readInt();
        readProfile(w.profile, in);
        int streets = in.readInt();
        for (int i = 0; i < streets; i++) {
            StreetTrack t = readTrack(in);
            w.streets.put(t.street, t);
        }
        w.decayedCount = in.readDouble();
        w.hourCount = in.readDouble();
        w.nextBucket = in.readLong();
        w.firstBucket = in.readLong();
        return w;
    }

    private static HotspotConfig readConfig(DataInputView in) throws IOException {
        Duration bucket = Duration.ofMillis(in.readLong());
        HotspotConfig.Method method = HotspotConfig.Method.valueOf(in.readUTF());
        double threshold = in.readDouble();
        int minCases = in.readInt();
        Duration calm = Duration.ofMillis(in.readLong());
        Duration cooldown = Duration.ofMillis(in.readLong());
        Duration warmup = Duration.ofMillis(in.readLong());
        Duration renotify = Duration.ofMillis(in.readLong());
        int n = in.readInt();
        ArrayList<LocalDate> holidays = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            holidays.add(LocalDate.ofEpochDay(in.readLong()));
        }
        return new HotspotConfig(bucket, method, threshold, minCases, calm, cooldown, warmup, renotify,
                HolidayCalendar.of(holidays));
    }

    private static void readProfile(HourOfWeekProfile p, DataInputView in) throws IOException {
        readDoubles(p.hourSum, in);
        readDoubles(p.hourWeight, in);
        readDoubles(p.daySum, in);
        readDoubles(p.dayWeight, in);
        p.today = in.readDouble();
        p.hoursLearned = in.readDouble();
    }

    private static StreetTrack readTrack(DataInputView in) throws IOException {
        StreetTrack t = new StreetTrack(readString(in), readString(in));
        int pending = in.readInt();
        for (int i = 0; i < pending; i++) {
            t.pending.put(in.readLong(), in.readInt());
        }
        readHistory(t.history, in);
        t.decayedCount = in.readDouble();
        int hits = in.readInt();
        t.hits.ensureCapacity(hits);
        for (int i = 0; i < hits; i++) {
            long bucketStart = in.readLong();
            String label = readString(in);
            boolean located = in.readBoolean();
            double lat = in.readDouble();
            double lon = in.readDouble();
            t.hits.add(located ? new PointHit(bucketStart, label, lat, lon) : new PointHit(bucketStart, label, null, null));
        }
        t.episode = in.readBoolean() ? readEpisode(in) : null;
        t.cooldownUntil = in.readLong();
        return t;
    }

    private static void readHistory(CountHistory h, DataInputView in) throws IOException {
        for (int i = 0; i < CountHistory.SIZE; i++) {
            h.raw[i] = in.readInt();
            h.learned[i] = in.readFloat();
            h.base[i] = in.readFloat();
            h.expected[i] = in.readFloat();
        }
        h.next = in.readInt();
        h.filled = in.readLong();
        h.statistic = in.readDouble();
        h.recentLearned = in.readDouble();
        h.recentBase = in.readDouble();
    }

    private static Episode readEpisode(DataInputView in) throws IOException {
        Episode e = new Episode();
        e.id = readString(in);
        e.district = readString(in);
        e.street = readString(in);
        e.category = readString(in);
        String kind = readString(in);
        String severity = readString(in);
        String status = readString(in);
        e.kind = kind == null ? null : Alert.Kind.valueOf(kind);
        e.severity = severity == null ? null : Alert.Severity.valueOf(severity);
        e.status = status == null ? null : Alert.Status.valueOf(status);
        e.openedAt = in.readLong();
        e.lastSeenAt = in.readLong();
        e.closedAt = in.readLong();
        e.observed = in.readLong();
        e.expected = in.readDouble();
        e.score = in.readDouble();
        e.ackedBy = readString(in);
        e.comment = readString(in);
        e.assignedTo = readString(in);
        e.version = in.readLong();
        e.kindSince = in.readLong();
        e.ratioAtKind = in.readDouble();
        e.observedAtKind = in.readLong();
        e.calmSince = in.readLong();
        e.nextReminderAt = in.readLong();
        e.reminders = in.readInt();
        int commands = in.readInt();
        for (int i = 0; i < commands; i++) {
            e.appliedCommands.add(readString(in));
        }
        return e;
    }

    private static void readDoubles(double[] a, DataInputView in) throws IOException {
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
    }

    private static String readString(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    // ---- copy ----

    static HotspotWatch copy(HotspotWatch from) {
        HotspotWatch w = new HotspotWatch();
        w.config = from.config;
        w.detector = from.detector;
        w.district = from.district;
        w.category = from.category;
        w.streetsInDistrict = from.streetsInDistrict;
        copyProfile(from.profile, w.profile);
        for (StreetTrack t : from.streets.values()) {
            w.streets.put(t.street, copyTrack(t));
        }
        w.decayedCount = from.decayedCount;
        w.hourCount = from.hourCount;
        w.nextBucket = from.nextBucket;
        w.firstBucket = from.firstBucket;
        return w;
    }

    private static void copyProfile(HourOfWeekProfile from, HourOfWeekProfile to) {
        System.arraycopy(from.hourSum, 0, to.hourSum, 0, from.hourSum.length);
        System.arraycopy(from.hourWeight, 0, to.hourWeight, 0, from.hourWeight.length);
        System.arraycopy(from.daySum, 0, to.daySum, 0, from.daySum.length);
        System.arraycopy(from.dayWeight, 0, to.dayWeight, 0, from.dayWeight.length);
        to.today = from.today;
        to.hoursLearned = from.hoursLearned;
    }

    private static StreetTrack copyTrack(StreetTrack from) {
        StreetTrack t = new StreetTrack(from.street, from.streetCode);
        t.pending = new TreeMap<>(from.pending);
        copyHistory(from.history, t.history);
        t.decayedCount = from.decayedCount;
        t.hits = new ArrayList<>(from.hits);
        t.episode = from.episode == null ? null : copyEpisode(from.episode);
        t.cooldownUntil = from.cooldownUntil;
        return t;
    }

    private static void copyHistory(CountHistory from, CountHistory to) {
        System.arraycopy(from.raw, 0, to.raw, 0, CountHistory.SIZE);
        System.arraycopy(from.learned, 0, to.learned, 0, CountHistory.SIZE);
        System.arraycopy(from.base, 0, to.base, 0, CountHistory.SIZE);
        System.arraycopy(from.expected, 0, to.expected, 0, CountHistory.SIZE);
        to.next = from.next;
        to.filled = from.filled;
        to.statistic = from.statistic;
        to.recentLearned = from.recentLearned;
        to.recentBase = from.recentBase;
    }

    private static Episode copyEpisode(Episode from) {
        Episode e = new Episode();
        e.id = from.id;
        e.district = from.district;
        e.street = from.street;
        e.category = from.category;
        e.kind = from.kind;
        e.severity = from.severity;
        e.status = from.status;
        e.openedAt = from.openedAt;
        e.lastSeenAt = from.lastSeenAt;
        e.closedAt = from.closedAt;
        e.observed = from.observed;
        e.expected = from.expected;
        e.score = from.score;
        e.ackedBy = from.ackedBy;
        e.comment = from.comment;
        e.assignedTo = from.assignedTo;
        e.version = from.version;
        e.kindSince = from.kindSince;
        e.ratioAtKind = from.ratioAtKind;
        e.observedAtKind = from.observedAtKind;
        e.calmSince = from.calmSince;
        e.nextReminderAt = from.nextReminderAt;
        e.reminders = from.reminders;
        e.appliedCommands = new ArrayList<>(from.appliedCommands);
        return e;
    }
}
