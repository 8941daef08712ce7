package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;
import org.junit.jupiter.api.Test;

/** Hotspot detection on fixed count sequences, without Flink. */
class HotspotWatchTest {
    private static final long MIN = 60_000;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;
    /** Monday 2026-11-09 00:00 in Beijing. */
    private static final long T0 = Instant.parse("2026-11-08T16:00:00Z").toEpochMilli();
    private static final String STREET = "东华门街道";
    private static final String CODE = "110101001";

    private static HotspotConfig config(HolidayCalendar holidays) {
        // The defaults, with the detector that is the default.
        HotspotConfig defaults = HotspotConfig.from(org.civicpulse.contract.Settings.defaults());
        return new HotspotConfig(Duration.ofMinutes(5), defaults.method(), defaults.threshold(), 3,
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(7), Duration.ofMinutes(30), holidays);
    }

    /** Collects what the watch says. */
    static final class Collected implements AlertListener {
        final List<Alert> alerts = new ArrayList<>();
        final List<AlertNotification> notices = new ArrayList<>();

        @Override
        public void changed(Alert alert) {
            alerts.add(alert);
        }

        @Override
        public void notify(AlertNotification n) {
            notices.add(n);
        }

        List<String> ids() {
            return alerts.stream().map(Alert::id).distinct().toList();
        }
    }

    /**
     * Feeds {@code days} days from T0: {@code perBucket(day, bucketOfDay)} problems in each 5-minute
     * bucket on the street, spread over the bucket, and judges every bucket.
     */
    private static Collected feed(HotspotWatch w, int days, IntBinaryOperator perBucket) {
        Collected out = new Collected();
        for (int d = 0; d < days; d++) {
            for (int b = 0; b < 288; b++) {
                long start = T0 + d * DAY + b * 5 * MIN;
                int n = perBucket.applyAsInt(d, b);
                for (int i = 0; i < n; i++) {
                    w.count(STREET, CODE, start + i * 5 * MIN / n, "王府井大街 " + (i % 2) + "号", 39.91, 116.41);
                }
                w.advanceTo(start + 5 * MIN, out);
            }
        }
        return out;
    }

    /** Two problems an hour from 08:00 to 20:00, none at night. */
    private static int daytime(int day, int bucket) {
        return bucket >= 96 && bucket < 240 && bucket % 6 == 0 ? 1 : 0;
    }

    @Test
    void shouldRaiseOneAlertForABurstAndCloseItAfterCalm() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        // Day 9 (a Wednesday), 10:00–10:30: 3 extra problems in every bucket.
        Collected out = feed(w, 10, (d, b) -> daytime(d, b) + (d == 9 && b >= 120 && b < 126 ? 3 : 0));

        assertThat(out.ids()).hasSize(1);
        Alert first = out.alerts.get(0);
        assertThat(first.kind()).isEqualTo(Alert.Kind.NEW);
        assertThat(first.street()).isEqualTo(STREET);
        assertThat(first.id()).isEqualTo("HS-110101-NOISE-110101001-" + first.openedAt().atZone(
                java.time.ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm")));
        assertThat(first.openedAt()).isBetween(Instant.ofEpochMilli(T0 + 9 * DAY + 10 * HOUR),
                Instant.ofEpochMilli(T0 + 9 * DAY + 10 * HOUR + 15 * MIN));
        assertThat(first.points()).extracting(Alert.AlertPoint::label).contains("王府井大街 0号");
        Alert last = out.alerts.get(out.alerts.size() - 1);
        assertThat(last.status()).isEqualTo(Alert.Status.CLOSED);
        assertThat(last.closedAt()).isBefore(Instant.ofEpochMilli(T0 + 9 * DAY + 13 * HOUR));
        assertThat(out.alerts).extracting(Alert::version).isSorted().doesNotHaveDuplicates();
        assertThat(out.notices).extracting(AlertNotification::reason).startsWith(AlertNotification.Reason.NEW);
    }

    @Test
    void shouldJudgeABackfillThatArrivesOutOfOrderAsIfInOrder() {
        // Ten days of history and the burst of the first test, all counted before the first
        // judgement (a backfill read at once), the last day's problems arriving first (one
        // partition read ahead of the others).
        IntBinaryOperator perBucket = (d, b) -> daytime(d, b) + (d == 9 && b >= 120 && b < 126 ? 3 : 0);
        Collected inOrder = feed(new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17), 10, perBucket);
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        for (int d : new int[] {9, 0, 1, 2, 3, 4, 5, 6, 7, 8}) {
            for (int b = 0; b < 288; b++) {
                long start = T0 + d * DAY + b * 5 * MIN;
                int n = perBucket.applyAsInt(d, b);
                for (int i = 0; i < n; i++) {
                    w.count(STREET, CODE, start + i * 5 * MIN / n, "王府井大街 " + (i % 2) + "号", 39.91, 116.41);
                }
            }
        }
        Collected outOfOrder = new Collected();
        w.advanceTo(T0 + 10 * DAY, outOfOrder);

        assertThat(inOrder.ids()).hasSize(1);
        assertThat(outOfOrder.alerts).isEqualTo(inOrder.alerts);
    }

    @Test
    void shouldNotAlertOnASlowDrift() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        // From day 8 on, the level grows by a quarter a day: four problems an hour by day 12.
        Collected out = feed(w, 13, (d, b) -> {
            int perHour = 2 + Math.max(0, d - 7) * 2 / 4;
            return bucketsOf(perHour, b);
        });
        assertThat(out.alerts).isEmpty();
    }

    private static int bucketsOf(int perHour, int b) {
        if (b < 96 || b >= 240) {
            return 0;
        }
        int inHour = b % 12;
        return inHour * perHour / 12 != (inHour + 1) * perHour / 12 ? 1 : 0;
    }

    /** Six problems an hour from 08:00 to 20:00 (a busy street), none at night. */
    private static int busy(int day, int bucket) {
        return bucket >= 96 && bucket < 240 && bucket % 2 == 0 ? 1 : 0;
    }

    @Test
    void shouldFindAFourfoldTwoHourRiseOnABusyStreet() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        // Day 9, 10:00–12:00: 18 extra problems an hour, 48 in two hours where 12 are usual. No
        // hour of it is far out against a street that may be having a busy day; the two hours,
        // against the street's own day so far, are.
        Collected out = feed(w, 10, (d, b) -> busy(d, b) + (d == 9 && b >= 120 && b < 144 ? 1 + b % 2 : 0));

        assertThat(out.ids()).hasSize(1);
        assertThat(out.alerts.get(0).openedAt()).isBetween(Instant.ofEpochMilli(T0 + 9 * DAY + 10 * HOUR),
                Instant.ofEpochMilli(T0 + 9 * DAY + 12 * HOUR + 30 * MIN));
    }

    @Test
    void shouldNotAlertOnABusyStreetsBusyDay() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        // Day 9 runs at twice the usual level from 08:00 to 20:00: a busy day, not a hotspot.
        Collected out = feed(w, 10, (d, b) -> busy(d, b) * (d == 9 ? 2 : 1));
        assertThat(out.alerts).isEmpty();
    }

    @Test
    void shouldNotAlertOnSparseZerosAndSingleCases() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        // One problem on most days, at a different time each day; two on day 9, none on day 10.
        Collected out = feed(w, 14, (d, b) -> b == 100 + (d * 37) % 120 && d != 10 ? (d == 9 ? 2 : 1) : 0);
        assertThat(out.alerts).isEmpty();
    }

    @Test
    void shouldReadAHolidayLikeASunday() {
        // Sundays are busy (24 an hour from 08:00 to 20:00, say a park), other days see one
        // problem; day 9, a Wednesday, is a holiday.
        IntBinaryOperator weekly = (d, b) -> d % 7 == 6 || d == 9 ? (b >= 96 && b < 240 ? 2 : 0) : b == 100 ? 1 : 0;
        LocalDate holiday = LocalDate.of(2026, 11, 18);
        HotspotWatch withCalendar = new HotspotWatch(config(HolidayCalendar.parse(holiday.toString())), "110101",
                "NOISE", 17);
        HotspotWatch without = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);

        assertThat(feed(withCalendar, 10, weekly).alerts).isEmpty();
        // The same day without the calendar looks like a surge: the test can tell.
        assertThat(feed(without, 10, weekly).alerts).isNotEmpty();
    }

    @Test
    void shouldStayQuietDuringWarmUp() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        Collected out = feed(w, 3, (d, b) -> daytime(d, b) + (d == 2 && b >= 120 && b < 126 ? 3 : 0));
        assertThat(out.alerts).isEmpty();
    }

    @Test
    void shouldApplyACommandOnceAndKeepItsAuthor() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        Collected out = feed(w, 10, (d, b) -> daytime(d, b) + (d == 9 && b >= 120 && b < 126 ? 3 : 0));
        String id = out.ids().get(0);
        AlertCommand ack = new AlertCommand("c1", id, AlertCommand.Action.ACK, "operator", "on it", "城管",
                Instant.parse("2026-11-18T03:00:00Z"));
        Collected after = new Collected();

        assertThat(w.apply(ack, after)).isTrue();
        assertThat(w.apply(ack, after)).as("the same command again").isFalse();
        assertThat(w.apply(new AlertCommand("c2", "HS-110101-NOISE-110101001-209901010000",
                AlertCommand.Action.COMMENT, "operator", "x", null, Instant.EPOCH), after)).isFalse();
        assertThat(after.alerts).hasSize(1);
        Alert acked = after.alerts.get(0);
        assertThat(acked.ackedBy()).isEqualTo("operator");
        assertThat(acked.comment()).isEqualTo("on it");
        assertThat(acked.assignedTo()).isEqualTo("城管");
        assertThat(acked.version()).isGreaterThan(out.alerts.get(out.alerts.size() - 1).version());
    }

    @Test
    void shouldRemindOfAnUnacknowledgedHighAlertAtWideningIntervals() {
        HotspotWatch w = new HotspotWatch(config(HolidayCalendar.none()), "110101", "NOISE", 17);
        // Day 9 from 10:00: 4 extra problems in every bucket for four hours (HIGH, never acknowledged).
        Collected out = feed(w, 10, (d, b) -> daytime(d, b) + (d == 9 && b >= 120 && b < 168 ? 4 : 0));
        List<Instant> reminders = out.notices.stream()
                .filter(n -> n.reason() == AlertNotification.Reason.REMINDER)
                .map(n -> n.alert().lastSeenAt()).toList();
        assertThat(out.alerts.get(out.alerts.size() - 1).severity()).isEqualTo(Alert.Severity.HIGH);
        assertThat(reminders).hasSizeGreaterThanOrEqualTo(2);
        long first = Duration.between(reminders.get(0), reminders.get(1)).toMinutes();
        assertThat(first).isGreaterThanOrEqualTo(55);
    }
}
