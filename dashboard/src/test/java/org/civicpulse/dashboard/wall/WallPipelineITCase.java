package org.civicpulse.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.dashboard.DashboardConfig;
import org.civicpulse.dashboard.DashboardServer;
import org.civicpulse.dashboard.ServerOptions;
import org.civicpulse.local.ChildProcess;
import org.civicpulse.local.FlinkJobProcess;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.local.Ports;
import org.civicpulse.local.Replayer;
import org.civicpulse.local.StackLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole pipeline behind the wall: events replayed into Kafka, the Flink job in its own JVM,
 * the live topic, the server, the page in Chromium. A replayed event must change the hotline KPI
 * on screen within 5 s.
 */
@ExtendWith(LocalServicesExtension.class)
class WallPipelineITCase {
    private static final String TOKEN = "wall-pipeline-operator-token-0123";
    private static final Duration ON_SCREEN = Duration.ofSeconds(5);
    private static final Duration START = Duration.ofSeconds(90);
    private static final int WARM_UP_CASES = 8;

    @Test
    void shouldShowAReplayedEventOnTheWallWithinFiveSeconds(LocalServices services) throws Exception {
        Settings settings = services.isolated("wallpipeline")
                .with(Setting.DASHBOARD_PORT, "0").with(Setting.TOKEN, TOKEN)
                .with(Setting.DASHBOARD_HOST, "127.0.0.1")
                .with(Setting.FLINK_REST_PORT, Integer.toString(Ports.free()));
        Path work = Files.createTempDirectory("wall-pipeline-");
        StackLayout layout = new StackLayout(Path.of("..").toAbsolutePath().normalize());
        Vertx vertx = Vertx.vertx();
        ChromeDriver driver = null;
        try (ChildProcess job = FlinkJobProcess.start(settings, layout.jobsClasspath(), START)) {
            JsonObject config = DashboardConfig.fromSettings(settings).toJson().mergeIn(ServerOptions.toJson(settings));
            DashboardServer server = new DashboardServer(config);
            server.deploy(vertx, config, 1).await(30, TimeUnit.SECONDS);
            // Event time starts once every partition has delivered: one passed spot check per
            // district, keyed so that every partition of every input topic gets some.
            replay(settings, work.resolve("warm-up.jsonl"), spotChecks());

            driver = WallBrowser.start(1920, 1080);
            ChromeDriver d = driver;
            d.get("http://127.0.0.1:" + server.port() + "/?token=" + TOKEN);
            WallBrowser.waitUpTo(d, START).until(x -> Boolean.TRUE.equals(d.executeScript(
                    "return !!window.wall && wall.store.metrics.size >= 17")));
            By hotline = By.cssSelector("[data-kpi='hotline'] .value");
            WallBrowser.waitUpTo(d, START).until(ExpectedConditions.textToBe(hotline, Integer.toString(WARM_UP_CASES)));

            long t0 = System.nanoTime();
            replay(settings, work.resolve("cases.jsonl"), List.of(created("wall-p-1"), created("wall-p-2"),
                    created("wall-p-3")));
            WallBrowser.waitUpTo(d, ON_SCREEN).until(ExpectedConditions.textToBe(hotline,
                    Integer.toString(WARM_UP_CASES + 3)));
            System.out.printf("replayed → on the wall in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(job.isAlive()).isTrue();
            WallBrowser.screenshot(d, "pipeline-city");
        } finally {
            if (driver != null) {
                driver.quit();
            }
            vertx.close().await(60, TimeUnit.SECONDS); // the Kafka consumers may take a while to leave
        }
    }

    private static void replay(Settings s, Path file, List<String> lines) throws Exception {
        Files.write(file, lines);
        var summary = new Replayer(s, new PrintStream(OutputStream.nullOutputStream())).replay(file, Double.POSITIVE_INFINITY);
        assertThat(summary.published()).isEqualTo(lines.size());
    }

    private static List<String> spotChecks() {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (var district : Catalogue.load().districts()) {
            for (int copy = 0; copy < 4; copy++) { // several keys per district: every partition gets one
                lines.add("{\"id\":\"warm-" + n++ + "\",\"source\":\"INSPECTION\",\"type\":\"CHECKED\",\"occurredAt\":\""
                        + now() + "\",\"district\":\"" + district.code() + "\",\"category\":\"NOISE\",\"passed\":true}");
            }
        }
        // The other input topics: new grid cases, and the hotline cases the KPI starts from.
        for (int copy = 0; copy < WARM_UP_CASES; copy++) {
            lines.add("{\"id\":\"warm-g-" + copy + "\",\"source\":\"GRID\",\"type\":\"CREATED\",\"caseId\":\"warm-g-"
                    + copy + "\",\"occurredAt\":\"" + now() + "\",\"district\":\"110101\",\"category\":\"NOISE\"}");
            lines.add(created("warm-h-" + copy));
        }
        return lines;
    }

    private static String created(String id) {
        return "{\"id\":\"" + id + "\",\"source\":\"HOTLINE\",\"type\":\"CREATED\",\"caseId\":\"" + id
                + "\",\"occurredAt\":\"" + now() + "\",\"district\":\"110105\",\"category\":\"NOISE\"}";
    }

    private static String now() {
        return Instant.now().atOffset(ZoneOffset.ofHours(8)).toString();
    }
}
