package org.civicpulse.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.civicpulse.contract.Source;

/**
 * Work-order numbers: {@code <S><tag>-<yyMMdd>-<HH>-<nnnnn>}, e.g. {@code H7K-261120-09-00042}: the
 * source's letter, two characters from the seed (so runs with different seeds never share ids),
 * the creation hour in Beijing time and the case's number within that hour. Event ids append the
 * step number: {@code H7K-261120-09-00042.3}.
 */
final class Ids {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Ids() {
    }

    /** Two base-36 characters derived from the seed. */
    static String seedTag(long seed) {
        long x = Math.floorMod(Seeds.mix(seed), 36 * 36);
        return "" + DIGITS.charAt((int) (x / 36)) + DIGITS.charAt((int) (x % 36));
    }

    static char letter(Source source) {
        return switch (source) {
            case HOTLINE -> 'H';
            case GRID -> 'G';
            case INSPECTION -> 'I';
        };
    }

    /** {@code yyMMdd-HH} of an epoch hour in Beijing time. */
    static String hourStamp(long epochHour) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochHour * 3600), ZoneOffset.ofHours(8));
        StringBuilder b = new StringBuilder(9);
        pad(b, t.getYear() % 100, 2);
        pad(b, t.getMonthValue(), 2);
        pad(b, t.getDayOfMonth(), 2);
        b.append('-');
        pad(b, t.getHour(), 2);
        return b.toString();
    }

    /** The id of a normal case: {@code <S><tag>-<stamp>-<nnnnn>}. */
    static String caseId(Source source, String tag, String stamp, int ordinal) {
        StringBuilder b = new StringBuilder(20).append(letter(source)).append(tag).append('-').append(stamp)
                .append('-');
        pad(b, ordinal, 5);
        return b.toString();
    }

    /** The id of an injected case: {@code <S><tag>-<stamp>-Z<item>-<nnnn>}. */
    static String injectedId(Source source, String tag, String stamp, int item, int ordinal) {
        StringBuilder b = new StringBuilder(24).append(letter(source)).append(tag).append('-').append(stamp)
                .append("-Z");
        pad(b, item, 2);
        b.append('-');
        pad(b, ordinal, 4);
        return b.toString();
    }

    private static void pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
