package org.civicpulse.contract.bench;

import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import org.civicpulse.contract.EventValidator;

/**
 * How long reading an {@code occurredAt} takes: java.time's formatter (as the validator used it
 * alone) against {@link EventValidator#parseEventTime} (the hand-written common shape first).
 * Prints a Markdown row per round; run by {@code bench/parse.sh}.
 */
public final class EventTimeParseBenchmark {
    private static final DateTimeFormatter FORMATTER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);
    private static final int PARSES = 2_000_000;

    private EventTimeParseBenchmark() {
    }

    public static void main(String[] args) {
        String[] texts = new String[4096];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = String.format("2026-%02d-%02dT%02d:%02d:%02d+08:00", 1 + i % 12, 1 + i % 28, i % 24, i % 60,
                    i * 7 % 60);
        }
        System.out.println("| round | java.time formatter | parseEventTime |");
        System.out.println("|---|---|---|");
        long check = 0;
        for (int round = 1; round <= 5; round++) { // the first rounds warm the JIT up
            long t0 = System.nanoTime();
            for (int i = 0; i < PARSES; i++) {
                check += OffsetDateTime.parse(texts[i & 4095], FORMATTER).toInstant().getEpochSecond();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < PARSES; i++) {
                check -= EventValidator.parseEventTime(texts[i & 4095]).getEpochSecond();
            }
            long t2 = System.nanoTime();
            System.out.printf("| %d | %.0f ns per parse | %.0f ns per parse |%n", round, (t1 - t0) / (double) PARSES,
                    (t2 - t1) / (double) PARSES);
        }
        if (check != 0) {
            throw new IllegalStateException("the two readings differ");
        }
    }
}
