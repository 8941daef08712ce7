package org.civicpulse.dashboard.wall;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The wall page's benchmark (bench/wall.sh; not part of the test suite): first meaningful paint
 * over cold loads, then the page's memory over a long run at 10 updates/s, measured in the
 * browser (Performance.getMetrics after a forced GC, through the DevTools protocol).
 * Properties: wall.bench.minutes (10), wall.bench.rate (10 updates/s), wall.bench.log (file).
 */
class WallPageBench {
    private static final int LOADS = 7;

    @Test
    void measure() throws Exception {
        long minutes = Long.getLong("wall.bench.minutes", 10);
        int rate = Integer.getInteger("wall.bench.rate", 10);
        Path logFile = Path.of(System.getProperty("wall.bench.log", "target/wall-bench.log"));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
             FakeDashboard server = new FakeDashboard(WallFixtures.read(Path.of("target", "classes", "web", "index.html")))) {
            ChromeDriver driver = WallBrowser.start(1920, 1080);
            ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor();
            try {
                log.printf("# wall page benchmark %s, %d loads, then %d min at %d updates/s%n", Instant.now(), LOADS, minutes, rate);
                firstPaint(driver, server, log);
                memory(driver, server, pusher, log, minutes, rate);
            } finally {
                pusher.shutdownNow();
                driver.quit();
            }
        }
    }

    private void firstPaint(ChromeDriver driver, FakeDashboard server, PrintWriter log) {
        driver.get(server.url("/?token=" + FakeDashboard.OPERATOR_TOKEN));
        List<Double> fmp = new ArrayList<>();
        for (int i = 0; i < LOADS; i++) {
            driver.get(server.url("/?load=" + i));
            WallBrowser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> driver.executeScript(
                    "return performance.getEntriesByName('wall-first-render').length") instanceof Number n && n.intValue() > 0);
            Map<?, ?> t = (Map<?, ?>) driver.executeScript("const p = n => (performance.getEntriesByName(n)[0] || {}).startTime;"
                    + " return {fcp: p('first-contentful-paint'), snapshot: p('wall-first-snapshot'), render: p('wall-first-render'),"
                    + " dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd};");
            fmp.add(((Number) t.get("render")).doubleValue());
            log.printf("load %d: domContentLoaded %.0f ms, first contentful paint %.0f ms, first snapshot %.0f ms, first meaningful paint %.0f ms%n",
                    i, num(t.get("dcl")), num(t.get("fcp")), num(t.get("snapshot")), num(t.get("render")));
        }
        Collections.sort(fmp);
        log.printf("first meaningful paint: median %.0f ms, max %.0f ms over %d loads%n", fmp.get(fmp.size() / 2),
                fmp.get(fmp.size() - 1), fmp.size());
    }

    private void memory(ChromeDriver driver, FakeDashboard server, ScheduledExecutorService pusher, PrintWriter log,
            long minutes, int rate) {
        driver.executeCdpCommand("Performance.enable", Map.of());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        AtomicLong n = new AtomicLong();
        pusher.scheduleAtFixedRate(() -> {
            long i = n.incrementAndGet();
            int d = (int) (i % 16);
            JsonObject district = WallFixtures.district(d);
            district.getJsonObject("today").put("HOTLINE", 1000 + i);
            district.put("open", 2000 + i % 500);
            server.pushCity("metrics", "district:" + WallFixtures.DISTRICTS.get(d)[0], district);
            if (i % 16 == 0) {
                JsonObject city = WallFixtures.city();
                city.getJsonObject("today").put("HOTLINE", 20_000 + i);
                server.pushCity("metrics", "city", city);
            }
            if (i % (rate * 10L) == 0) {  // an alert every 10 s, 20 ids in turn: the feed changes but stays bounded
                String id = "bench-" + (i / (rate * 10L)) % 20;
                server.pushCity("alert", "alert:" + id, WallFixtures.alert(id, "110105", "三里屯街道", "NOISE",
                        i % 3 == 0 ? "HIGH" : "MEDIUM").put("version", i));
            }
        }, 0, 1000 / rate, TimeUnit.MILLISECONDS);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        long minute = 0;
        log.println("minute, JS heap used MB (after GC), DOM nodes, JS event listeners, updates pushed,"
                + " page loaded at (timeOrigin: the same page all run), updates received by the page");
        while (true) {
            driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
            Map<String, Object> metrics = metrics(driver);
            Map<?, ?> page = (Map<?, ?>) driver.executeScript(
                    "return {origin: performance.timeOrigin, received: wall.live.lastSeq};");
            log.printf("%d, %.2f, %.0f, %.0f, %d, %.0f, %s%n", minute, num(metrics.get("JSHeapUsedSize")) / 1048576.0,
                    num(metrics.get("Nodes")), num(metrics.get("JSEventListeners")), n.get(), num(page.get("origin")),
                    page.get("received"));
            if (System.nanoTime() >= end) {
                break;
            }
            minuteElapsed(driver);
            minute++;
        }
    }

    // Paces the samples by the browser's own clock (a minute), while the page keeps receiving updates.
    private boolean minuteElapsed(ChromeDriver driver) {
        Object done = driver.executeAsyncScript("const cb = arguments[arguments.length - 1]; setTimeout(() => cb(true), 60000);");
        return Boolean.TRUE.equals(done);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(ChromeDriver driver) {
        Map<String, Object> result = driver.executeCdpCommand("Performance.getMetrics", Map.of());
        Map<String, Object> byName = new java.util.HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) result.get("metrics")) {
            byName.put((String) m.get("name"), m.get("value"));
        }
        return byName;
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
