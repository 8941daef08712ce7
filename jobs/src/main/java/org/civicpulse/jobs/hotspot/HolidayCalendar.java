package org.civicpulse.jobs.hotspot;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Public holidays, read like Sundays: on a holiday the expected level is a Sunday's, so Spring
 * Festival looks neither like a collapse of hotline calls nor, afterwards, like a surge.
 * Written as dates and ranges, e.g. {@code 2026-02-15..2026-02-23,2026-05-01}.
 */
public final class HolidayCalendar implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Day types 0–6 are Monday to Sunday. */
    public static final int SUNDAY = 6;
    private final TreeSet<LocalDate> holidays;

    private HolidayCalendar(TreeSet<LocalDate> holidays) {
        this.holidays = holidays;
    }

    public static HolidayCalendar none() {
        return new HolidayCalendar(new TreeSet<>());
    }

    /** Exactly these dates. */
    public static HolidayCalendar of(java.util.Collection<LocalDate> dates) {
        return new HolidayCalendar(new TreeSet<>(dates));
    }

    /** Parses a comma-separated list of dates and {@code from..to} ranges (both ends included). */
    public static HolidayCalendar parse(String text) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String item : text == null ? new String[0] : text.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            int range = t.indexOf("..");
            LocalDate from = LocalDate.parse(range < 0 ? t : t.substring(0, range).trim());
            LocalDate to = range < 0 ? from : LocalDate.parse(t.substring(range + 2).trim());
            if (to.isBefore(from) || from.plusDays(60).isBefore(to)) {
                throw new IllegalArgumentException("holiday range '" + t + "' must run forwards, at most 60 days");
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return new HolidayCalendar(days);
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    /** 0 (Monday) … 6 (Sunday); a holiday is a Sunday. */
    public int dayType(LocalDate day) {
        return isHoliday(day) ? SUNDAY : day.getDayOfWeek().getValue() - 1;
    }

    public Set<LocalDate> dates() {
        return java.util.Collections.unmodifiableSet(holidays);
    }
}
