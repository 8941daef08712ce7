package org.civicpulse.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * A private ClickHouse server started from Debian's {@code clickhouse-server} package, with
 * its own config, data folder and ports, a writer and a read-only user. Stopping it is clean.
 */
public final class LocalClickHouse implements AutoCloseable {
    /** Where Debian installs the server binary. */
    public static final Path SERVER_BINARY = Path.of("/usr/bin/clickhouse-server");

    private final Path dir;
    private final int httpPort;
    private final ChildProcess process;

    private LocalClickHouse(Path dir, int httpPort, ChildProcess process) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.process = process;
    }

    /**
     * Writes the config under {@code <data.dir>/clickhouse}, starts the server on the ports of
     * {@code settings} and waits until it answers.
     */
    public static LocalClickHouse start(Settings settings, Duration timeout) {
        if (!Files.isExecutable(SERVER_BINARY) && !Files.isExecutable(Path.of("/usr/sbin/clickhouse-server"))) {
            throw new IllegalStateException("clickhouse-server is not installed: run ./civicpulse up (it installs "
                    + "it) or apt-get install clickhouse-server");
        }
        Path dir = settings.dataDir().resolve("clickhouse");
        int httpPort = URI.create(settings.get(Setting.CLICKHOUSE_URL)).getPort();
        int tcpPort = settings.getInt(Setting.CLICKHOUSE_TCP_PORT);
        if (Ports.inUse(httpPort)) {
            throw new IllegalStateException("Port " + httpPort + " (ClickHouse HTTP) is already in use: is another "
                    + "CivicPulse running? Stop it, or set " + Setting.CLICKHOUSE_URL.envVar());
        }
        try {
            for (String sub : List.of("log", "tmp", "user_files", "format_schemas")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("config.xml"), template("clickhouse-config.xml", Map.of(
                    "@DIR@", dir.toString(),
                    "@HTTP_PORT@", Integer.toString(httpPort),
                    "@TCP_PORT@", Integer.toString(tcpPort)
            )));
            Files.writeString(dir.resolve("users.xml"), template("clickhouse-users.xml", Map.of(
                    "@DEFAULT_SHA@", sha256(UUID.randomUUID().toString()),
                    "@WRITER@", settings.get(Setting.CLICKHOUSE_USER),
                    "@WRITER_SHA@", sha256(settings.get(Setting.CLICKHOUSE_PASSWORD)),
                    "@READER@", settings.get(Setting.CLICKHOUSE_READER_USER),
                    "@READER_SHA@", sha256(settings.get(Setting.CLICKHOUSE_READER_PASSWORD)))));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write ClickHouse config under " + dir, e);
        }
        Path binary = Files.isExecutable(SERVER_BINARY) ? SERVER_BINARY : Path.of("/usr/sbin/clickhouse-server");
        ChildProcess process = ChildProcess.start("clickhouse",
                List.of(binary.toString(), "--config-file=" + dir.resolve("config.xml")),
                dir.resolve("log/stdout.log"), Map.of());
        LocalClickHouse server = new LocalClickHouse(dir, httpPort, process);
        process.awaitReady("ClickHouse to answer on port " + httpPort, timeout, server::answers);
        return server;
    }

    /** True when {@code /ping} answers "Ok.". */
    public boolean answers() {
        return ping(httpPort);
    }

    static boolean ping(int httpPort) {
        return HttpProbe.answers("http://127.0.0.1:" + httpPort + "/ping", body -> body.startsWith("Ok"));
    }

    public int httpPort() {
        return httpPort;
    }

    public Path dir() {
        return dir;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    private static String template(String name, Map<String, String> values) throws IOException {
        try (InputStream in = LocalClickHouse.class.getResourceAsStream("/local/" + name)) {
            if (in == null) {
                throw new IOException("Missing resource /local/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) {
                text = text.replace(e.getKey(), xmlText(e.getValue()));
            }
            return text;
        }
    }

    private static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
