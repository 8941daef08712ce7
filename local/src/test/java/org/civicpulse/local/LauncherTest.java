package org.civicpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.civicpulse.contract.OperatorToken;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path data;

    private Launcher launcher(Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(overrides);
        all.put(Setting.DATA_DIR.key(), data.toString());
        all.put(Setting.KAFKA_BOOTSTRAP.key(), "127.0.0.1:" + Ports.free());
        return new Launcher(Settings.resolve(Map.of(), new Properties(), all), new PrintStream(out, true),
                new PrintStream(err, true));
    }

    @Test
    void shouldParseSpeedAsAPositiveNumberOrMax() {
        assertThat(Launcher.parseSpeed("max")).isZero();
        assertThat(Launcher.parseSpeed("60")).isEqualTo(60.0);
        assertThat(Launcher.parseSpeed("0.5")).isEqualTo(0.5);
        for (String bad : List.of("0", "-2", "fast", "NaN", "Infinity")) {
            assertThatThrownBy(() -> Launcher.parseSpeed(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--speed");
        }
    }

    @Test
    void shouldPrintAWallLinkThatCarriesAnyTokenUnchanged() {
        assertThat(Launcher.wallLink("http://localhost:8080", "Ab_9-x")).isEqualTo("http://localhost:8080/?token=Ab_9-x");
        String token = "a+b&c=d#e f";
        String link = Launcher.wallLink("http://localhost:8080", token);
        String query = java.net.URI.create(link).getRawQuery();
        assertThat(query).startsWith("token=").doesNotContain("&", "#");
        assertThat(java.net.URLDecoder.decode(query.substring("token=".length()),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(token);
    }

    @Test
    void shouldRejectAnUnknownCommandWithAHint() {
        assertThat(launcher(Map.of()).run(List.of("launch"))).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown command 'launch'", "./civicpulse help");
    }

    @Test
    void shouldFailClearlyWhenReplayingAMissingFile() {
        assertThat(launcher(Map.of()).run(List.of("replay", data.resolve("nope.jsonl").toString()))).isEqualTo(1);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void shouldFailClearlyWhenReplayingWithoutARunningStack() throws Exception {
        Path file = Files.writeString(data.resolve("one.jsonl"), "{}\n");
        assertThat(launcher(Map.of()).run(List.of("replay", file.toString()))).isEqualTo(1);
        assertThat(err.toString()).contains("the stack is not running", "./civicpulse up");
    }

    @Test
    void shouldRejectABadSpeedOption() throws Exception {
        Path file = Files.writeString(data.resolve("one.jsonl"), "{}\n");
        assertThat(launcher(Map.of()).run(List.of("replay", file.toString(), "--speed", "fast"))).isEqualTo(1);
        assertThat(err.toString()).contains("--speed must be a positive number or 'max'");
    }

    @Test
    void shouldDeleteTheDataFolderOnResetWithYes() throws Exception {
        Files.writeString(data.resolve("operator-token"), "t");
        Files.createDirectories(data.resolve("clickhouse/data"));
        assertThat(launcher(Map.of()).run(List.of("reset", "--yes"))).isZero();
        assertThat(data).doesNotExist();
    }

    @Test
    void shouldKeepTheGeneratedOperatorTokenAcrossRuns() throws Exception {
        Settings s = Settings.resolve(Map.of(), new Properties(), Map.of(Setting.DATA_DIR.key(), data.toString()));
        String first = OperatorToken.resolve(s);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(OperatorToken.resolve(s)).isEqualTo(first);
        assertThat(OperatorToken.resolve(s.with(Setting.TOKEN, "from-env"))).isEqualTo("from-env");
    }
}
