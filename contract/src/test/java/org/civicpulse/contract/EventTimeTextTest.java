package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written reader of the common timestamp shape agrees with java.time on every text it reads. */
class EventTimeTextTest {
    /** The same rules as the validator's formatter, built here again so the test does not lean on the code. */
    private static final DateTimeFormatter ORACLE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    private final Random random = new Random(23);

    @Test
    void shouldReadTheCommonShapesItself() {
        assertThat(EventTimeText.parse("2026-11-22T09:15:03+08:00")).isEqualTo(Instant.parse("2026-11-22T01:15:03Z"));
        assertThat(EventTimeText.parse("2026-11-22T09:15:03.120+08:00"))
                .isEqualTo(Instant.parse("2026-11-22T01:15:03.120Z"));
        assertThat(EventTimeText.parse("2026-11-22T01:15:03Z")).isEqualTo(Instant.parse("2026-11-22T01:15:03Z"));
        assertThat(EventTimeText.parse("2026-11-22T09:15:03+0800")).isEqualTo(Instant.parse("2026-11-22T01:15:03Z"));
        assertThat(EventTimeText.parse("2026-11-22T09:15:03+08")).isEqualTo(Instant.parse("2026-11-22T01:15:03Z"));
        assertThat(EventTimeText.parse("2024-02-29T23:59:59.999999999-05:30"))
                .isEqualTo(Instant.parse("2024-03-01T05:29:59.999999999Z"));
    }

    @Test
    void shouldLeaveEverythingElseToTheFormatter() {
        for (String other : List.of("2026-11-22T09:15+08:00", "2026-11-22t09:15:03+08:00", "2026-11-22T09:15:03",
                "2026-11-22 09:15:03+08:00", "2023-02-29T09:15:03+08:00", "2026-04-31T09:15:03Z",
                "2026-11-22T24:00:00Z", "2026-11-22T09:60:03Z", "2026-11-22T09:15:60Z", "2026-11-22T09:15:03.Z",
                "2026-11-22T09:15:03.1234567890Z", "2026-11-22T09:15:03+18:01", "2026-11-22T09:15:03+19",
                "2026-11-22T09:15:03z", "+2026-11-22T09:15:03Z", "2026-11-22T09:15:03+8:00", "")) {
            assertThat(EventTimeText.parse(other)).as(other).isNull();
        }
    }

    @Test
    void shouldAgreeWithJavaTimeOnEveryTextItReads() {
        int read = 0;
        for (int n = 0; n < 200_000; n++) {
            String text = candidate();
            Instant fast = EventTimeText.parse(text);
            Instant oracle = oracle(text);
            if (fast != null) {
                read++;
                assertThat(fast).as(text).isEqualTo(oracle);
            }
        }
        assertThat(read).as("texts read by hand").isGreaterThan(20_000);
    }

    private static Instant oracle(String text) {
        try {
            return OffsetDateTime.parse(text, ORACLE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A timestamp of the common shape, often with one field out of range or one character changed. */
    private String candidate() {
        StringBuilder t = new StringBuilder()
                .append(pad(random.nextInt(10) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(50), 4))
                .append('-').append(pad(random.nextInt(14), 2)).append('-').append(pad(random.nextInt(33), 2))
                .append('T').append(pad(random.nextInt(26), 2)).append(':').append(pad(random.nextInt(62), 2))
                .append(':').append(pad(random.nextInt(62), 2));
        if (random.nextBoolean()) {
            t.append('.').append(pad(random.nextInt(1_000_000_000), 1 + random.nextInt(10)));
        }
        switch (random.nextInt(5)) {
            case 0 -> t.append('Z');
            case 1 -> t.append(sign()).append(pad(random.nextInt(20), 2)).append(':').append(pad(random.nextInt(62), 2));
            case 2 -> t.append(sign()).append(pad(random.nextInt(20), 2)).append(pad(random.nextInt(62), 2));
            case 3 -> t.append(sign()).append(pad(random.nextInt(20), 2));
            default -> { }
        }
        if (random.nextInt(8) == 0 && t.length() > 0) {
            t.setCharAt(random.nextInt(t.length()), "0123456789:-+.TZtz ".charAt(random.nextInt(19)));
        }
        return t.toString();
    }

    private char sign() {
        return random.nextBoolean() ? '+' : '-';
    }

    /** {@code value} with leading zeros to {@code width} digits (its last {@code width} digits if longer). */
    private static String pad(long value, int width) {
        String s = "000000000000" + value;
        return s.substring(s.length() - width);
    }
}
