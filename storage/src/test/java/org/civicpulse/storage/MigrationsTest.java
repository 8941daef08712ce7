package org.civicpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    @Test
    void shouldListMigrationsInVersionOrderWithoutGaps() {
        List<Migrations.Migration> all = Migrations.all();
        assertThat(all).extracting(Migrations.Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(all).extracting(Migrations.Migration::name)
                .containsExactly("raw_events", "dead_letters", "late_events", "metrics", "cases", "alerts", "live_values",
                        "cases_by_district", "dead_letters_original_bytes");
    }

    @Test
    void shouldSplitAFileIntoStatementsAndDropComments() {
        String sql = "-- a comment; with a semicolon\nCREATE TABLE a (x UInt8) ENGINE = Memory;\n"
                + "  -- another\nALTER TABLE a ADD COLUMN y String;\n";
        assertThat(Migrations.statements(sql)).containsExactly(
                "CREATE TABLE a (x UInt8) ENGINE = Memory", "ALTER TABLE a ADD COLUMN y String");
    }

    @Test
    void shouldAvoidSqlThatClickHouse1816Lacks() {
        for (Migrations.Migration m : Migrations.all()) {
            String upper = m.sql().toUpperCase();
            assertThat(upper).as(m.name()).doesNotContain(" TTL ", "DATETIME64", "CODEC(", "LOWCARDINALITY", "MAP(",
                    "COLUMN IF NOT EXISTS");
        }
    }
}
