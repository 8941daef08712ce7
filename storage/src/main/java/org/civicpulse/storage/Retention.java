package org.civicpulse.storage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops day partitions of raw events older than the retention period. ClickHouse 18.16 has no
 * TTL, so retention means dropping whole partitions ({@code PARTITION BY toYYYYMMDD}).
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private Retention() {
    }

    /** Drops partitions of {@code table} whose day is before {@code today - days}; returns the dropped days. */
    public static List<LocalDate> dropOlderThan(ClickHouseDb db, String table, int days, LocalDate today) {
        LocalDate cutoff = today.minusDays(days);
        List<LocalDate> dropped = new ArrayList<>();
        String sql = "SELECT DISTINCT partition FROM system.parts WHERE active AND database = "
                + SqlLiteral.string(db.database()) + " AND table = " + SqlLiteral.string(ClickHouseDb.identifier(table));
        for (var row : db.query(sql)) {
            String partition = row.get("partition").asText().replace("'", "");
            LocalDate day;
            try {
                day = LocalDate.parse(partition, DAY);
            } catch (RuntimeException e) {
                LOG.warn("Ignoring partition {} of {}: not a day", partition, table);
                continue;
            }
            if (day.isBefore(cutoff)) {
                // The partition value was parsed as a date above, so only digits reach the SQL.
                db.execute("ALTER TABLE " + table + " DROP PARTITION " + DAY.format(day));
                dropped.add(day);
            }
        }
        if (!dropped.isEmpty()) {
            LOG.info("Retention dropped {} partition(s) of {} before {}", dropped.size(), table, cutoff);
        }
        return dropped;
    }
}
