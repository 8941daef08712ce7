package org.civicpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7: the ClickHouse tables have documented columns, so Grafana or Superset can be pointed at
 * them. The README's "ClickHouse tables" section names, for every table the migrations leave
 * behind, each column and the table's sorting key, in that table's own description.
 */
class TablesDocumentedTest {
    private static final Pattern CREATE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS (\\w+)\\s*(?:AS (\\w+)|\\((.*)\\))\\s*ENGINE(.*)", Pattern.DOTALL);
    private static final Pattern ORDER_BY = Pattern.compile("ORDER BY\\s+(\\([^)]*\\)|\\w+)");
    private static final Pattern RENAME = Pattern.compile("(\\w+) TO (\\w+)");
    private static final Pattern HEADER = Pattern.compile("^((?:`\\w+`\\s*/\\s*)*`\\w+`)\\s+—");

    private record Table(List<String> columns, String orderBy) {
    }

    @Test
    void shouldDocumentEveryColumnAndSortingKeyOfEveryTableInTheReadme() throws IOException {
        Map<String, Table> tables = tablesAfterAllMigrations();
        assertThat(tables).containsKeys("raw_events", "cases", "alerts", "live_values");
        Map<String, String> described = descriptions(Files.readString(Path.of("..", "README.md")));
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            String text = described.get(t.getKey());
            assertThat(text).as("README description of table " + t.getKey()).isNotNull();
            for (String column : t.getValue().columns()) {
                assertThat(text).as("README, table " + t.getKey()).contains("`" + column + "`");
            }
            assertThat(text).as("README, sorting key of " + t.getKey())
                    .contains("`ORDER BY " + t.getValue().orderBy() + "`");
        }
    }

    /** Every table with its columns and sorting key as the migrations, applied in order, leave it. */
    private static Map<String, Table> tablesAfterAllMigrations() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Migrations.Migration m : Migrations.all()) {
            for (String statement : Migrations.statements(m.sql())) {
                String s = statement.replaceAll("\\s+", " ").strip();
                Matcher create = CREATE.matcher(statement);
                if (create.matches()) {
                    Matcher order = ORDER_BY.matcher(create.group(4));
                    assertThat(order.find()).as("ORDER BY of " + create.group(1)).isTrue();
                    List<String> columns = create.group(2) != null ? tables.get(create.group(2)).columns()
                            : columnNames(create.group(3));
                    tables.put(create.group(1), new Table(columns, order.group(1).replaceAll("\\s+", " ")));
                } else if (s.startsWith("RENAME TABLE ")) {
                    Matcher rename = RENAME.matcher(s);
                    while (rename.find()) {
                        tables.put(rename.group(2), tables.remove(rename.group(1)));
                    }
                } else if (s.startsWith("DROP TABLE ")) {
                    tables.remove(s.substring("DROP TABLE ".length()).replace("IF EXISTS ", "").strip());
                }
            }
        }
        return tables;
    }

    /** The names in a column list: the first word of each top-level, comma-separated part. */
    private static List<String> columnNames(String block) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : (block + ",").toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String p = part.toString().strip();
                if (!p.isEmpty()) {
                    names.add(p.split("\\s+")[0]);
                }
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        return names;
    }

    /**
     * The README's text about each table: a paragraph of the section that starts with the table's
     * name (or several, "`a` / `b` —") and the paragraphs after it up to the next such one.
     */
    private static Map<String, String> descriptions(String readme) {
        int start = readme.indexOf("\n## ClickHouse tables");
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, StringBuilder> out = new HashMap<>();
        List<String> current = List.of();
        for (String paragraph : readme.substring(start, end).split("\n\\s*\n")) {
            String flat = paragraph.replaceAll("\\s+", " ").strip();
            Matcher header = HEADER.matcher(flat);
            if (header.find()) {
                current = List.of(header.group(1).replace("`", "").split("\\s*/\\s*"));
            }
            for (String table : current) {
                out.computeIfAbsent(table, k -> new StringBuilder()).append(flat).append(' ');
            }
        }
        Map<String, String> result = new HashMap<>();
        out.forEach((k, v) -> result.put(k, v.toString()));
        return result;
    }
}
