package org.civicpulse.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wall page in headless Chromium against {@link FakeDashboard} (the API contract with
 * hand-written payloads): assertions read the page's own data, ECharts' getOption() and the DOM.
 */
class WallPageTest {
    private static final Duration LIVE = Duration.ofSeconds(5);
    private static FakeDashboard server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        server = new FakeDashboard(WallFixtures.read(Path.of("target", "classes", "web", "index.html")));
        driver = WallBrowser.start(1920, 1080);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openAsOperator() {
        driver.get(server.url("/?token=" + FakeDashboard.OPERATOR_TOKEN));
        awaitLive();
    }

    private void awaitLive() {
        waitFor(LIVE).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!window.wall && wall.store.metrics.size > 0 && document.getElementById('conn').dataset.state === 'live'"
                        + " && !!wall.echarts.getInstanceByDom(document.getElementById('map')).getOption()")));
    }

    private WebDriverWait waitFor(Duration timeout) {
        return WallBrowser.waitUpTo(driver, timeout);
    }

    private Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mapSeriesData(String seriesId) {
        return (List<Map<String, Object>>) js("const o = wall.echarts.getInstanceByDom(document.getElementById('map'))"
                + ".getOption(); const s = o.series.find(x => x.id === arguments[0]);"
                + " return s ? s.data.map(d => ({name: d.name, value: d.value, code: d.code, id: d.id})) : null;", seriesId);
    }

    /** Waits until the map holds all 16 districts with a value (before data, ECharts lists bare regions). */
    private void awaitDistrictValues() {
        waitFor(LIVE).until(d -> {
            List<Map<String, Object>> data = mapSeriesData("districts");
            return data != null && data.size() == 16 && data.stream().allMatch(x -> x.get("value") instanceof Number);
        });
    }

    private String kpiText(String key) {
        return driver.findElement(By.cssSelector("[data-kpi='" + key + "'] .value")).getText();
    }

    @Test
    void shouldRefuseThePageWithoutCredentialsAndDropTheTokenFromTheAddress() {
        driver.manage().deleteAllCookies();
        driver.get(server.url("/"));
        assertThat(driver.getPageSource()).contains("token required");

        driver.get(server.url("/?token=" + FakeDashboard.OPERATOR_TOKEN));
        awaitLive();
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
        assertThat(driver.getTitle()).isEqualTo("CivicPulse 城市治理指挥中心");
    }

    @Test
    void shouldColourAllSixteenDistrictsWithTheirCasesToday() {
        awaitDistrictValues();
        List<Map<String, Object>> data = mapSeriesData("districts");
        for (int i = 0; i < 16; i++) {
            String[] district = WallFixtures.DISTRICTS.get(i);
            int hotline = 1000 + 100 * i;  // the fixture's hotline cases; grid = half, checks = 1/50
            long expected = hotline + hotline / 2 + hotline / 50;
            assertThat(data).as(district[1]).anySatisfy(d -> {
                assertThat(d.get("name")).isEqualTo(district[1]);
                assertThat(d.get("code")).isEqualTo(district[0]);
                assertThat(((Number) d.get("value")).longValue()).isEqualTo(expected);
            });
        }
        WallBrowser.screenshot(driver, "city");
    }

    @Test
    void shouldShowAPushedMetricOnItsTileWithinFiveSeconds() {
        JsonObject city = WallFixtures.city();
        city.getJsonObject("today").put("HOTLINE", 123_456);
        city.put("overdue", 9_876);
        server.pushCity("metrics", "city", city);
        waitFor(LIVE).until(d -> "12.3万".equals(kpiText("hotline")) && "9,876".equals(kpiText("overdue")));
    }

    @Test
    void shouldShowAnInjectedHotspotInTheFeedAndOnTheMapAndLetAnOperatorAcknowledgeIt() {
        String id = "alert-110101-东华门街道-NOISE-" + System.nanoTime();
        JsonObject alert = WallFixtures.alert(id, "110101", "东华门街道", "NOISE", "HIGH");
        server.pushCity("alert", "alert:" + id, alert);

        By item = By.cssSelector("#alerts li[data-id='" + id + "']");
        WebElement li = waitFor(LIVE).until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(li.getText()).contains("东华门街道").contains("高").contains("实际 27");
        waitFor(LIVE).until(d -> {
            List<Map<String, Object>> high = mapSeriesData("hotspots-HIGH");
            return high != null && high.stream().anyMatch(p -> id.equals(p.get("id")));
        });

        li.findElement(By.cssSelector("button[data-action='ack']")).click();
        WebElement form = li.findElement(By.cssSelector("form[data-action='ack']"));
        form.findElement(By.name("comment")).sendKeys("已派人核查");
        form.findElement(By.name("assignedTo")).sendKeys("东华门街道城管");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor(LIVE).until(d -> server.commands.stream().anyMatch(c -> c.getString("alertId").equals(id)));
        JsonObject command = server.commands.stream().filter(c -> c.getString("alertId").equals(id)).findFirst().orElseThrow();
        assertThat(command.getString("action")).isEqualTo("ack");
        assertThat(command.getJsonObject("body").getString("comment")).isEqualTo("已派人核查");
        assertThat(command.getJsonObject("body").getString("assignedTo")).isEqualTo("东华门街道城管");

        server.pushCity("alert", "alert:" + id, alert.copy().put("status", "ACKED").put("version", 2)
                .put("ackedBy", "operator").put("comment", "已派人核查").put("assignedTo", "东华门街道城管"));
        waitFor(LIVE).until(d -> driver.findElement(item).getText().contains("已确认"));
        assertThat(driver.findElement(item).findElements(By.cssSelector("button[data-action='ack']"))).isEmpty();
    }

    @Test
    void shouldGiveAViewerNoAlertCommands() {
        driver.manage().deleteAllCookies();
        driver.get(server.url("/?token=" + FakeDashboard.VIEWER_TOKEN));
        awaitLive();
        By seeded = By.cssSelector("#alerts li[data-id='alert-seed']");
        waitFor(LIVE).until(ExpectedConditions.visibilityOfElementLocated(seeded));
        assertThat(driver.findElement(seeded).findElements(By.tagName("button"))).isEmpty();
        driver.manage().deleteAllCookies();
    }

    @Test
    void shouldOpenTheCasesBehindANumber() {
        server.caseQueries.clear();
        driver.findElement(By.cssSelector("[data-kpi='overdue'] .value")).click();
        waitFor(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
        waitFor(LIVE).until(d -> driver.findElements(By.cssSelector("#cases tr")).size() == 8);
        assertThat(driver.findElement(By.id("cases")).getText()).contains("HL-2026-1000").contains("东华门街道");
        assertThat(server.caseQueries).anySatisfy(q -> assertThat(q).contains("status=overdue"));
        driver.findElement(By.id("modal-close")).click();
        waitFor(LIVE).until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal")));
    }

    @Test
    void shouldMeasureTodayFromTheWatermarkOfAReplayedDay() {
        // SPEC §3: "today" is measured back from the watermark, so a replayed day reads as it did live.
        JsonObject replayed = WallFixtures.city().put("asOf", "2026-03-10T15:42:07+08:00");
        server.pushCity("metrics", "city", replayed);
        try {
            waitFor(LIVE).until(d -> "2026-03-10T15:42:07+08:00".equals(js("return wall.store.asOf;")));
            server.caseQueries.clear();
            driver.findElement(By.cssSelector("[data-kpi='hotline'] .value")).click();
            waitFor(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
            waitFor(LIVE).until(d -> !server.caseQueries.isEmpty());
            assertThat(server.caseQueries).anySatisfy(q -> assertThat(java.net.URLDecoder.decode(q,
                    java.nio.charset.StandardCharsets.UTF_8)).contains("from=2026-03-10T00:00:00+08:00"));
            driver.findElement(By.id("modal-close")).click();
            waitFor(LIVE).until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal")));
        } finally {
            server.pushCity("metrics", "city", WallFixtures.city());
            waitFor(LIVE).until(d -> !"2026-03-10T15:42:07+08:00".equals(js("return wall.store.asOf;")));
        }
    }

    @Test
    void shouldDrillDownIntoADistrictByClickingTheMapAndComeBack() {
        awaitDistrictValues();
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) js("const c = wall.echarts.getInstanceByDom(document.getElementById('map'));"
                + " return c.convertToPixel({geoIndex: 0}, [116.425, 39.875]);");  // southern 东城区, clear of the labels
        WebElement map = driver.findElement(By.id("map"));
        new Actions(driver).moveToElement(map, pixel.get(0).intValue() - map.getSize().width / 2,
                pixel.get(1).intValue() - map.getSize().height / 2).click().perform();

        waitFor(LIVE).until(ExpectedConditions.textToBe(By.id("scene-name"), "东城区"));
        waitFor(LIVE).until(d -> mapSeriesData("streets") != null && mapSeriesData("streets").size() == 4);
        waitFor(LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("points"), "王府井大街110101"));
        assertThat(driver.getCurrentUrl()).contains("scene=110101");
        assertThat(driver.findElement(By.id("ranking-title")).getText()).isEqualTo("街道乡镇排名");
        WallBrowser.screenshot(driver, "district-110101");

        driver.findElement(By.id("btn-back")).click();
        waitFor(LIVE).until(ExpectedConditions.textToBe(By.id("scene-name"), "北京市"));
        awaitDistrictValues();
        assertThat(driver.getCurrentUrl()).doesNotContain("scene=");
    }

    @Test
    void shouldSwitchToEnglishAndBack() {
        driver.findElement(By.id("btn-lang")).click();
        waitFor(LIVE).until(ExpectedConditions.textToBe(By.cssSelector("[data-kpi='hotline'] .label"), "Hotline cases today"));
        assertThat(driver.findElement(By.id("scene-name")).getText()).isEqualTo("Beijing");
        assertThat(js("return document.documentElement.lang")).isEqualTo("en");
        waitFor(LIVE).until(d -> kpiText("hotline").matches("[0-9,]+"));
        driver.findElement(By.id("btn-lang")).click();
        waitFor(LIVE).until(ExpectedConditions.textToBe(By.cssSelector("[data-kpi='hotline'] .label"), "今日热线受理"));
    }

    @Test
    void shouldSayHowOldAStoppedSourcesDataIs() {
        JsonObject city = WallFixtures.city().put("freshness", WallFixtures.freshness(true, 600));
        server.pushCity("metrics", "city", city);
        By tile = By.cssSelector("[data-kpi='hotline']");
        waitFor(LIVE).until(ExpectedConditions.attributeContains(tile, "class", "stale"));
        assertThat(driver.findElement(tile).findElement(By.className("age")).getText()).contains("10分钟");
        server.pushCity("metrics", "city", WallFixtures.city());
        waitFor(LIVE).until(ExpectedConditions.not(ExpectedConditions.attributeContains(tile, "class", "stale")));
    }

    @Test
    void shouldReconnectAfterTheServerDropsTheSocket() {
        server.dropSockets();
        waitFor(LIVE).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-state", "lost"));
        waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-state", "live"));
    }

    @Test
    void shouldFitTheWallWithoutScrollingFromLaptopTo4k() {
        try {
            for (int[] size : new int[][] {{1920, 1080}, {1366, 768}, {3840, 2160}}) {
                WallBrowser.viewport(driver, size[0], size[1]);
                waitFor(LIVE).until(d -> ((Number) js("return innerWidth")).intValue() == size[0]);
                assertThat(((Number) js("return document.documentElement.scrollHeight - innerHeight")).intValue())
                        .as("vertical overflow at %dx%d", size[0], size[1]).isLessThanOrEqualTo(0);
                assertThat(((Number) js("return document.documentElement.scrollWidth - innerWidth")).intValue())
                        .as("horizontal overflow at %dx%d", size[0], size[1]).isLessThanOrEqualTo(0);
                // Text grows with the screen: 16 px per rem at 1920 wide, 32 px at 3840.
                assertThat(((Number) js("return parseFloat(getComputedStyle(document.documentElement).fontSize)"))
                        .doubleValue()).isCloseTo(Math.min(size[0] / 120.0, size[1] / 67.5), org.assertj.core.data.Offset.offset(0.5));
            }
        } finally {
            WallBrowser.viewport(driver, 1920, 1080);
        }
    }

    @Test
    void shouldColourTheMapByTheChosenMetric() {
        driver.findElement(By.cssSelector("#map-metric [data-metric='per10k']")).click();
        waitFor(LIVE).until(d -> mapSeriesData("districts").stream()
                .anyMatch(x -> "延庆区".equals(x.get("name")) && ((Number) x.get("value")).doubleValue() == 2.0));
        // The fixture's 万人诉求比 today is 0.5 + i / 10 for the i-th district in code order.
        for (int i = 0; i < 16; i++) {
            String name = WallFixtures.DISTRICTS.get(i)[1];
            double expected = 0.5 + i / 10.0;
            assertThat(mapSeriesData("districts")).as(name).anySatisfy(x -> {
                assertThat(x.get("name")).isEqualTo(name);
                assertThat(((Number) x.get("value")).doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            });
        }
    }

    @Test
    void shouldAskForTheChosenCategoryWhenTheFilterChanges() {
        server.seriesQueries.clear();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-category"))).selectByValue("NOISE");
        waitFor(LIVE).until(d -> server.seriesQueries.stream().anyMatch(q -> q.contains("metric=created&")
                && q.contains("category=NOISE")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-category"))).selectByValue("");
    }

    @Test
    void shouldShowATilesDefinitionOnHover() {
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("[data-kpi='response'] .label"))).perform();
        WebElement tip = waitFor(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("glossary")));
        assertThat(tip.getText()).contains("响应率 = 按时响应数 ÷ 已判定响应数");
        new Actions(driver).moveToElement(driver.findElement(By.id("clock"))).perform();
        waitFor(LIVE).until(ExpectedConditions.invisibilityOfElementLocated(By.id("glossary")));
    }

    @Test
    void shouldExportTheRankingInViewAsCsv() {
        waitFor(LIVE).until(d -> driver.findElements(By.cssSelector("#ranking tr")).size() == 17);
        String csv = (String) js("return wall.viewCsv()");
        String[] lines = csv.split("\\R");
        assertThat(lines).hasSize(17);
        assertThat(lines[0]).isEqualTo("#,名称,综合,响应,解决,满意,抽查合格,件数");
        assertThat(lines[1]).isEqualTo("1,东城区,96.0%,99.0%,95.0%,96.0%,90.0%,\"1,000\"");
    }

    @Test
    void shouldRotateScenesInKioskModeUntilPinned() {
        driver.get(server.url("/?kiosk=1&scenes=city,110101"));
        awaitLive();
        waitFor(LIVE).until(ExpectedConditions.textToBe(By.id("scene-name"), "东城区"));
        waitFor(LIVE).until(ExpectedConditions.textToBe(By.id("scene-name"), "北京市"));
        driver.findElement(By.id("btn-pin")).click();
        assertThat(driver.getCurrentUrl()).contains("pin=1");
        String pinned = driver.findElement(By.id("scene-name")).getText();
        // Pinned: the rotation's next step (what the kiosk timer calls) leaves the scene alone.
        assertThat(js("wall.scenes.next(); wall.scenes.next(); return document.getElementById('scene-name').textContent"))
                .isEqualTo(pinned);
        driver.get(server.url("/"));
    }

    @Test
    void shouldExportThePageAsPng() {
        String url = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; wall.pagePng('test.png').then(done, e => done('error ' + e));");
        assertThat(url).startsWith("data:image/png;base64,");
        assertThat(url.length()).isGreaterThan(50_000);
    }
}
