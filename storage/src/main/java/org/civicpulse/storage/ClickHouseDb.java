package org.civicpulse.storage;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * One ClickHouse connection as a given user, set up the way ClickHouse 18.16 needs it:
 * compression off (18.16 otherwise answers with an empty body and no error) and the output
 * format written in the SQL text.
 */
public final class ClickHouseDb implements AutoCloseable {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String JSON_SETTINGS =
            " SETTINGS output_format_json_quote_64bit_integers = 0 FORMAT JSONEachRow";
    private static final long TIMEOUT_SECONDS = 120;

    private final Client client;
    private final String database;
    private final String url;
    private final String user;
    private final String password;
    private final ObjectMapper json = new ObjectMapper();

    private ClickHouseDb(String url, String user, String password, String database) {
        this.database = identifier(database);
        this.url = url;
        this.user = user;
        this.password = password;
        this.client = new Client.Builder()
                .addEndpoint(url)
                .setUsername(user)
                .setPassword(password)
                // 18.16 ignores the X-ClickHouse-Database header the client sends; it reads the
                // database from the URL parameter, which a server setting becomes.
                .serverSetting("database", this.database)
                .compressServerResponse(false)
                .compressClientRequest(false)
                .setConnectTimeout(5, ChronoUnit.SECONDS)
                .setSocketTimeout(TIMEOUT_SECONDS, ChronoUnit.SECONDS)
                .build();
    }

    /** The writing user: jobs and migrations. */
    public static ClickHouseDb writer(Settings s) {
        return new ClickHouseDb(s.get(Setting.CLICKHOUSE_URL), s.get(Setting.CLICKHOUSE_USER),
                s.get(Setting.CLICKHOUSE_PASSWORD), s.get(Setting.CLICKHOUSE_DATABASE));
    }

    /** The read-only user: the dashboard. */
    public static ClickHouseDb reader(Settings s) {
        return new ClickHouseDb(s.get(Setting.CLICKHOUSE_URL), s.get(Setting.CLICKHOUSE_READER_USER),
                s.get(Setting.CLICKHOUSE_READER_PASSWORD), s.get(Setting.CLICKHOUSE_DATABASE));
    }

    /** Checks a database or table name against a whitelist pattern; identifiers are never quoted user text. */
    public static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a valid ClickHouse identifier: '" + name + "'");
        }
        return name;
    }

    /** Creates this connection's database if it does not exist (through the server's default database). */
    public void createDatabaseIfMissing() {
        try (ClickHouseDb bootstrap = new ClickHouseDb(url, user, password, "default")) {
            bootstrap.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
    }

    public String database() {
        return database;
    }

    public boolean ping() {
        return client.ping(2000);
    }

    /** Runs a statement that returns no rows (DDL, ALTER). */
    public void execute(String sql) {
        await(() -> client.execute(sql));
    }

    /** Runs a SELECT and returns its rows; the SQL must not carry a FORMAT clause. */
    public List<JsonNode> query(String sql) {
        List<JsonNode> rows = new ArrayList<>();
        try (QueryResponse response = await(() -> client.query(sql + JSON_SETTINGS));
             BufferedReader reader = new BufferedReader(
                     new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
        } catch (ClickHouseDbException e) {
            throw e;
        } catch (Exception e) {
            throw new ClickHouseDbException("Query failed: " + abbreviate(sql) + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** A single number from a query such as {@code SELECT count() AS n FROM ...}. */
    public long queryLong(String sql) {
        List<JsonNode> rows = query(sql);
        if (rows.isEmpty()) {
            return 0;
        }
        return rows.get(0).elements().next().asLong();
    }

    /** Inserts rows given as JSONEachRow text (one JSON object per line). */
    public void insertJsonEachRow(String table, byte[] rows) {
        insertJsonEachRow(table, rows, rows.length);
    }

    /** Inserts the first {@code length} bytes of {@code rows}, JSONEachRow text (a batch buffer reused). */
    public void insertJsonEachRow(String table, byte[] rows, int length) {
        try (var response = await(() -> client.insert(identifier(table),
                new ByteArrayInputStream(rows, 0, length), ClickHouseFormat.JSONEachRow))) {
            // 18.16 sends no summary header, so the written-row count is not available: nothing to check.
        } catch (ClickHouseDbException e) {
            throw e;
        } catch (Exception e) {
            throw new ClickHouseDbException("Insert into " + table + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** Runs a client call; the client fails both by throwing and through the future, so both are caught. */
    private static <T> T await(java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> call) {
        try {
            return call.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ClickHouseDbException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ClickHouseDbException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseDbException("Interrupted while waiting for ClickHouse", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ClickHouseDbException(cause.getMessage(), cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ClickHouseDbException("ClickHouse did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
