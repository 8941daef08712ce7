package org.civicpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Rejection;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.contract.Source;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.ClickHouseDbException;
import org.civicpulse.storage.DeadLetterRow;
import org.civicpulse.storage.EventQueries;
import org.civicpulse.storage.CaseTableRow;
import org.civicpulse.storage.LateEventRow;
import org.civicpulse.storage.LiveValueRows;
import org.civicpulse.storage.MetricRows;
import org.civicpulse.storage.PointRows;
import org.civicpulse.storage.Migrations;
import org.civicpulse.storage.RawEventRow;
import org.civicpulse.storage.Retention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The private ClickHouse 18.16 server, the migrations, the row mappers and the read path, for real. */
@ExtendWith(LocalServicesExtension.class)
class ClickHouseStorageITCase {
    private static final Instant T0 = Instant.parse("2026-11-20T01:15:03.120Z");

    @Test
    void shouldApplyEachMigrationOnce(LocalServices services) {
        Settings s = services.isolated("migrations");
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            assertThat(Migrations.apply(db)).isZero();
            assertThat(db.queryLong("SELECT count() AS n FROM schema_migrations")).isEqualTo(Migrations.all().size());
        }
    }

    @Test
    void shouldCarryEveryCaseVersionOverWhenTheCaseTableIsOrderedByDistrict(LocalServices services) {
        try (ClickHouseDb db = schemaUpTo(services, "reorder", 7)) {
            String columns = "(case_id, source, district, status, created_at, response_limit_at, resolution_limit_at, "
                    + "revision, written_at)";
            db.execute("INSERT INTO cases " + columns + " VALUES "
                    + "('c-1', 'HOTLINE', '110101', 'OPEN', 1763600000, 1763607200, 1763859200, 1, 1763600000), "
                    + "('c-1', 'HOTLINE', '110101', 'RESOLVED', 1763600000, 1763607200, 1763859200, 2, 1763600100), "
                    + "('c-2', 'GRID', '110105', 'OPEN', 1763500000, 1763507200, 1763759200, 1, 1763500000)");

            assertThat(Migrations.apply(db)).isEqualTo(Migrations.all().size() - 7);

            assertThat(db.query("SELECT case_id, toString(status) AS status FROM cases FINAL ORDER BY case_id"))
                    .extracting(r -> r.get("case_id").asText() + " " + r.get("status").asText())
                    .containsExactly("c-1 RESOLVED", "c-2 OPEN");
            assertThat(db.queryLong("SELECT count() AS n FROM cases")).as("every version copied").isEqualTo(3);
            assertThat(db.query("SELECT create_table_query FROM system.tables WHERE database = currentDatabase() "
                    + "AND name = 'cases'").get(0).get("create_table_query").asText())
                    .contains("ORDER BY (district, created_at, case_id)");
            assertThat(db.queryLong("SELECT count() AS n FROM system.tables WHERE database = currentDatabase() "
                    + "AND name IN ('cases_by_district', 'cases_before_v8')")).as("no table left behind").isZero();
        }
    }

    @Test
    void shouldFinishTheCaseTableReorderingWhenARunStoppedAfterItsSwap(LocalServices services) {
        try (ClickHouseDb db = schemaUpTo(services, "reorderagain", 7)) {
            db.execute("INSERT INTO cases (case_id, source, district, status, created_at, response_limit_at, "
                    + "resolution_limit_at, revision, written_at) VALUES "
                    + "('c-1', 'HOTLINE', '110101', 'OPEN', 1763600000, 1763607200, 1763859200, 1, 1763600000)");
            // V8 stopped after its swap, before its DROP: it is not recorded, so it runs again.
            List<String> v8 = Migrations.statements(Migrations.all().get(7).sql());
            v8.stream().filter(q -> !q.startsWith("DROP")).forEach(db::execute);

            assertThat(Migrations.apply(db)).isEqualTo(Migrations.all().size() - 7);

            assertThat(db.queryLong("SELECT count() AS n FROM cases FINAL")).isEqualTo(1);
            assertThat(db.queryLong("SELECT count() AS n FROM system.tables WHERE database = currentDatabase() "
                    + "AND name IN ('cases_by_district', 'cases_before_v8')")).isZero();
        }
    }

    @Test
    void shouldRunAColumnMigrationAgainWhenARunStoppedBeforeRecordingIt(LocalServices services) {
        try (ClickHouseDb db = schemaUpTo(services, "addcolumnagain", 8)) {
            // V9 added its column, then the run stopped before recording it: it runs again.
            Migrations.statements(Migrations.all().get(8).sql()).forEach(db::execute);

            assertThat(Migrations.apply(db)).isEqualTo(Migrations.all().size() - 8);
            assertThat(columns(db, DeadLetterRow.TABLE)).isEqualTo(DeadLetterRow.COLUMNS);
        }
    }

    /** A database of its own with the schema as migrations 1..version left it (an earlier release's). */
    private static ClickHouseDb schemaUpTo(LocalServices services, String name, int version) {
        Settings isolated = services.isolated(name);
        ClickHouseDb db = ClickHouseDb.writer(isolated.with(Setting.CLICKHOUSE_DATABASE,
                isolated.get(Setting.CLICKHOUSE_DATABASE) + "_v" + version));
        assertThat(Migrations.applyUpTo(db, version)).isEqualTo(version);
        return db;
    }

    @Test
    void shouldMatchEveryMapperColumnListToItsTable(LocalServices services) {
        Settings s = services.isolated("columns");
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            assertThat(columns(db, RawEventRow.TABLE)).isEqualTo(RawEventRow.COLUMNS);
            assertThat(columns(db, DeadLetterRow.TABLE)).isEqualTo(DeadLetterRow.COLUMNS);
            assertThat(columns(db, LateEventRow.TABLE)).isEqualTo(LateEventRow.COLUMNS);
            assertThat(columns(db, MetricRows.MINUTES)).isEqualTo(MetricRows.paneColumns("minute"));
            assertThat(columns(db, MetricRows.DAYS)).isEqualTo(MetricRows.paneColumns("day"));
            assertThat(columns(db, MetricRows.BACKLOG)).isEqualTo(MetricRows.backlogColumns());
            assertThat(columns(db, CaseTableRow.TABLE)).isEqualTo(CaseTableRow.COLUMNS);
            assertThat(columns(db, PointRows.POINT_DAYS)).isEqualTo(PointRows.POINT_DAY_COLUMNS);
            assertThat(columns(db, PointRows.WATCHLIST)).isEqualTo(PointRows.WATCHLIST_COLUMNS);
            assertThat(columns(db, PointRows.FRESHNESS)).isEqualTo(PointRows.FRESHNESS_COLUMNS);
            assertThat(columns(db, LiveValueRows.TABLE)).isEqualTo(LiveValueRows.COLUMNS);
        }
    }

    @Test
    void shouldReadAnEventWrittenTwiceOnceThroughFinal(LocalServices services) {
        Settings s = services.isolated("final");
        CivicEvent e = new CivicEvent("e-1", Source.HOTLINE, EventType.CREATED, "c-1", T0, "110101", "东华门街道",
                "ILLEGAL_PARKING_MOTOR", null, 39.91, 116.40, "王府井大街1号", true, null, null, null, null);
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            byte[] row = (RawEventRow.json(e, null, "t", 0, 7, Instant.now()) + "\n").getBytes(StandardCharsets.UTF_8);
            db.insertJsonEachRow(RawEventRow.TABLE, row);
            db.insertJsonEachRow(RawEventRow.TABLE, row);
            EventQueries q = new EventQueries(db);
            assertThat(q.rawCount()).isEqualTo(1);
            assertThat(q.countsBySourceDistrictCategory()).containsExactly(
                    java.util.Map.entry("HOTLINE|110101|ILLEGAL_PARKING_MOTOR", 1L));
            JsonNode stored = db.query("SELECT toString(occurred_at) AS t, occurred_ms, street, urgent "
                    + "FROM raw_events FINAL").get(0);
            assertThat(stored.get("t").asText()).isEqualTo("2026-11-20 09:15:03");
            assertThat(stored.get("occurred_ms").asInt()).isEqualTo(120);
            assertThat(stored.get("street").asText()).isEqualTo("东华门街道");
            assertThat(stored.get("urgent").asInt()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepDeadLetterOriginalTextAndReason(LocalServices services) {
        Settings s = services.isolated("deadletters");
        DeadLetter d = DeadLetter.fromReplay("day.jsonl", 7, T0, Rejection.invalidJson("unexpected character"),
                "{not json 'quoted' \\ }".getBytes(StandardCharsets.UTF_8));
        // Latin-1 "é" and a lone continuation byte: not UTF-8, so the text alone would lose them.
        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, (byte) 0x80, '"', '}'};
        DeadLetter bytes = DeadLetter.fromReplay("day.jsonl", 8, T0, Rejection.invalidJson("not UTF-8"), notUtf8);
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            db.insertJsonEachRow(DeadLetterRow.TABLE, (DeadLetterRow.json(d, Instant.now()) + "\n"
                    + DeadLetterRow.json(bytes, Instant.now()) + "\n").getBytes(StandardCharsets.UTF_8));
            List<JsonNode> rows = new EventQueries(db).deadLetters(10);
            assertThat(rows).hasSize(2);
            JsonNode text = rows.stream().filter(r -> r.get("line_number").asLong() == 7).findFirst().orElseThrow();
            assertThat(text.get("reason").asText()).isEqualTo("INVALID_JSON");
            assertThat(text.get("original").asText()).isEqualTo("{not json 'quoted' \\ }");
            assertThat(text.get("original_base64").asText()).isEmpty();
            JsonNode kept = rows.stream().filter(r -> r.get("line_number").asLong() == 8).findFirst().orElseThrow();
            assertThat(java.util.Base64.getDecoder().decode(kept.get("original_base64").asText())).isEqualTo(notUtf8);
            assertThat(kept.get("original").asText()).startsWith("{\"a\":\"").contains("\uFFFD");
        }
    }

    @Test
    void shouldDropRawPartitionsOlderThanRetention(LocalServices services) {
        Settings s = services.isolated("retention");
        LocalDate today = LocalDate.of(2026, 11, 22);
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            for (String day : List.of("2025-10-01T04:00:00Z", "2026-11-01T04:00:00Z")) {
                CivicEvent e = new CivicEvent("e-" + day, Source.GRID, EventType.CREATED, "c-" + day,
                        Instant.parse(day), "110102", null, "ENV_SANITATION", null, null, null, null, false, null,
                        null, null, null);
                db.insertJsonEachRow(RawEventRow.TABLE, (RawEventRow.json(e, null, "t", 0, 1, Instant.now()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            assertThat(Retention.dropOlderThan(db, RawEventRow.TABLE, 400, today))
                    .containsExactly(LocalDate.of(2025, 10, 1));
            assertThat(new EventQueries(db).rawCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseWritesFromTheReadOnlyUser(LocalServices services) {
        Settings s = services.isolated("readonly");
        try (ClickHouseDb reader = ClickHouseDb.reader(s)) {
            assertThat(reader.queryLong("SELECT count() AS n FROM raw_events")).isZero();
            assertThatThrownBy(() -> reader.execute("INSERT INTO raw_events (id) VALUES ('x')"))
                    .isInstanceOf(ClickHouseDbException.class);
            assertThatThrownBy(() -> reader.execute("DROP TABLE raw_events"))
                    .isInstanceOf(ClickHouseDbException.class);
        }
    }

    private static List<String> columns(ClickHouseDb db, String table) {
        return db.query("SELECT name FROM system.columns WHERE database = currentDatabase() AND table = '"
                + table + "'").stream().map(r -> r.get("name").asText()).toList();
    }
}
