package org.civicpulse.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: DDL in resource files {@code db/V<n>__<name>.sql}, listed in
 * {@code db/migrations.txt}, each applied once and recorded in {@code schema_migrations}.
 * The same files serve the launcher, the tests and docker-compose.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "(?is)\\s*ALTER\\s+TABLE\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+ADD\\s+COLUMN\\s+([A-Za-z_][A-Za-z0-9_]*)\\s.*");

    /** One migration file. */
    public record Migration(int version, String name, String sql) {
    }

    private Migrations() {
    }

    /** Creates the database if needed and applies every migration not yet recorded; returns how many ran. */
    public static int apply(ClickHouseDb db) {
        return applyUpTo(db, Integer.MAX_VALUE);
    }

    /**
     * As {@link #apply}, but only migrations up to {@code version}: a schema as an earlier release
     * left it, so a test can check that a later migration carries its data over.
     */
    public static int applyUpTo(ClickHouseDb db, int version) {
        db.createDatabaseIfMissing();
        db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, "
                + "applied_at DateTime) ENGINE = MergeTree ORDER BY version");
        Set<Integer> applied = new TreeSet<>();
        db.query("SELECT version FROM schema_migrations").forEach(r -> applied.add(r.get("version").asInt()));
        int count = 0;
        for (Migration m : all()) {
            if (applied.contains(m.version()) || m.version() > version) {
                continue;
            }
            for (String statement : statements(m.sql())) {
                if (!addsAColumnThatExists(db, statement)) {
                    db.execute(statement);
                }
            }
            db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ("
                    + m.version() + ", " + SqlLiteral.string(m.name()) + ", now())");
            LOG.info("Applied migration V{} {}", m.version(), m.name());
            count++;
        }
        return count;
    }

    /**
     * Whether the statement adds a column the table already has: a migration stopped after its
     * ALTER and before it was recorded runs again, and ClickHouse 18.16 has no ADD COLUMN IF NOT
     * EXISTS, so the runner skips such a statement itself.
     */
    static boolean addsAColumnThatExists(ClickHouseDb db, String statement) {
        Matcher m = ADD_COLUMN.matcher(statement);
        return m.matches() && db.queryLong("SELECT count() AS n FROM system.columns WHERE database = currentDatabase()"
                + " AND table = " + SqlLiteral.string(m.group(1)) + " AND name = " + SqlLiteral.string(m.group(2))) > 0;
    }

    /** Every migration on the classpath, in version order. */
    public static List<Migration> all() {
        List<Migration> result = new ArrayList<>();
        for (String file : resource("db/migrations.txt").split("\n")) {
            String name = file.trim();
            if (name.isEmpty()) {
                continue;
            }
            Matcher m = FILE.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("Migration file name " + name + " is not V<n>__<name>.sql");
            }
            result.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), resource("db/" + name)));
        }
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).version() != i + 1) {
                throw new IllegalStateException("Migrations must be numbered 1, 2, 3… without gaps");
            }
        }
        return result;
    }

    /** Splits a file into statements at semicolons that end a line; comments are dropped. */
    public static List<String> statements(String sql) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> result = new ArrayList<>();
        for (String part : withoutComments.toString().split(";\\s*\n")) {
            String statement = part.strip();
            if (statement.endsWith(";")) {
                statement = statement.substring(0, statement.length() - 1);
            }
            if (!statement.isEmpty()) {
                result.add(statement);
            }
        }
        return result;
    }

    private static String resource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read resource " + path, e);
        }
    }
}
