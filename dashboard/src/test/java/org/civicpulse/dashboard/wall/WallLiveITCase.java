package org.civicpulse.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.dashboard.DashboardConfig;
import org.civicpulse.dashboard.DashboardServer;
import org.civicpulse.dashboard.ServerOptions;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The wall page in headless Chromium on the real dashboard server, fed through the real live
 * topics of a local Kafka broker (ClickHouse behind the REST routes): what a leader sees follows
 * what the Flink job publishes.
 */
@ExtendWith(LocalServicesExtension.class)
class WallLiveITCase {
    private static final String TOKEN = "wall-it-operator-token-0123456789";
    private static final Duration LIVE = Duration.ofSeconds(5);
    /** Alerts have no on-screen latency goal; a loaded CI machine has taken over 5 s. */
    private static final Duration ALERT = Duration.ofSeconds(20);
    private static final Duration START = Duration.ofSeconds(30);
    private static ChromeDriver driver;

    private Vertx vertx;
    private Settings settings;
    private DashboardServer server;
    private KafkaProducer<String, String> producer;

    @BeforeAll
    static void browser() {
        driver = WallBrowser.start(1920, 1080);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void start(LocalServices services, TestInfo test) throws Exception {
        settings = services.isolated("wall" + test.getTestMethod().orElseThrow().getName().length())
                .with(Setting.DASHBOARD_PORT, "0").with(Setting.TOKEN, TOKEN)
                .with(Setting.DASHBOARD_HOST, "127.0.0.1");
        Properties p = new Properties();
        p.put("bootstrap.servers", settings.get(Setting.KAFKA_BOOTSTRAP));
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        vertx = Vertx.vertx();
        JsonObject config = DashboardConfig.fromSettings(settings).toJson().mergeIn(ServerOptions.toJson(settings));
        server = new DashboardServer(config);
        server.deploy(vertx, config, 1).await(30, TimeUnit.SECONDS);
        await().atMost(START).until(server::caughtUp);
    }

    @AfterEach
    void stop() throws Exception {
        producer.close();
        vertx.close().await(60, TimeUnit.SECONDS); // the Kafka consumers may take a while to leave
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A record of the live metrics topic (README: absolute values per scope). */
    private void publishMetric(String scope, long hotlineToday, long open) throws Exception {
        JsonObject counters = new JsonObject().put("created_hotline", hotlineToday).put("created_grid", 5)
                .put("created_inspection", 1).put("response_decisions", 10).put("response_on_time", 9)
                .put("ratings", 4).put("ratings_resolved", 3).put("ratings_satisfied", 2).put("ratings_basic", 1);
        String record = new JsonObject().put("scope", scope).put("kind", scope.split(":")[0])
                .put("asOf", WallFixtures.now())
                .put("gauges", new JsonObject().put("open", open).put("overdue", 2).put("about_to_breach", 1)
                        .put("response_pending", 7).put("rating_pending", 6))
                .put("last60m", counters).put("last24h", counters).put("last7d", counters).put("today", counters)
                .put("month", counters).encode();
        producer.send(new ProducerRecord<>(settings.get(Setting.TOPIC_METRICS_LIVE), scope, record)).get();
    }

    private void publishAlert(String id, String status, long version) throws Exception {
        JsonObject alert = WallFixtures.alert(id, "110101", "东华门街道", "NOISE", "HIGH")
                .put("status", status).put("version", version);
        producer.send(new ProducerRecord<>(settings.get(Setting.TOPIC_ALERTS_LIVE), id, alert.encode())).get();
    }

    private void openWall() {
        driver.manage().deleteAllCookies();
        driver.get(url("/"));
        assertThat(driver.getTitle()).isNotEqualTo("CivicPulse 城市治理指挥中心");  // the sign-in page
        driver.get(url("/?token=" + TOKEN));
        WallBrowser.waitUpTo(driver, START).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!window.wall && document.getElementById('conn').dataset.state !== 'connecting'"
                        + " && wall.store.metrics.size >= 17"
                        // The map chart is drawn after the first data: wait for it as WallPageTest does.
                        + " && !!wall.echarts.getInstanceByDom(document.getElementById('map'))"
                        + " && !!(wall.echarts.getInstanceByDom(document.getElementById('map')).getOption() || {}).series")));
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mapSeries(String id) {
        return (List<Map<String, Object>>) driver.executeScript("const o = wall.echarts.getInstanceByDom("
                + "document.getElementById('map')).getOption(); const s = o.series.find(x => x.id === arguments[0]);"
                + " return s ? s.data.map(d => ({name: d.name, value: d.value, id: d.id})) : null;", id);
    }

    @Test
    void shouldFollowTheLiveTopicsAndSendTheOperatorsAcknowledgementToKafka() throws Exception {
        for (int i = 0; i < 16; i++) {
            publishMetric("district:" + WallFixtures.DISTRICTS.get(i)[0], 100 + i, 1000 + i);
        }
        openWall();
        // Every district on the map with its cases today: hotline + grid (5) + failed checks (1).
        WallBrowser.waitUpTo(driver, LIVE).until(d -> {
            List<Map<String, Object>> data = mapSeries("districts");
            return data != null && data.size() == 16 && data.stream().allMatch(x -> x.get("value") instanceof Number);
        });
        for (int i = 0; i < 16; i++) {
            String name = WallFixtures.DISTRICTS.get(i)[1];
            long expected = 100 + i + 5 + 1;
            assertThat(mapSeries("districts")).as(name).anySatisfy(x -> {
                assertThat(x.get("name")).isEqualTo(name);
                assertThat(((Number) x.get("value")).longValue()).isEqualTo(expected);
            });
        }

        publishMetric("city", 54_321, 12_345);
        WallBrowser.waitUpTo(driver, LIVE).until(ExpectedConditions.textToBe(
                By.cssSelector("[data-kpi='hotline'] .value"), "5.43万"));
        assertThat(driver.findElement(By.cssSelector("[data-kpi='open'] .value")).getText()).isEqualTo("1.23万");

        String id = "hs-110101-东华门街道-NOISE-it";
        publishAlert(id, "OPEN", 1);
        By item = By.cssSelector("#alerts li[data-id='" + id + "']");
        WebElement li = WallBrowser.waitUpTo(driver, ALERT).until(ExpectedConditions.visibilityOfElementLocated(item));
        WallBrowser.waitUpTo(driver, ALERT).until(d -> mapSeries("hotspots-HIGH").stream().anyMatch(x -> id.equals(x.get("id"))));
        WallBrowser.screenshot(driver, "live-city");

        li.findElement(By.cssSelector("button[data-action='ack']")).click();
        WebElement form = li.findElement(By.cssSelector("form[data-action='ack']"));
        form.findElement(By.name("comment")).sendKeys("已派人核查");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        ConsumerRecord<String, String> command = readOneCommand();
        JsonObject body = new JsonObject(command.value());
        assertThat(body.encode()).contains(id).contains("ACK").contains("已派人核查");
        WallBrowser.waitUpTo(driver, ALERT).until(ExpectedConditions.textToBePresentInElementLocated(item, "已提交"));

        driver.findElement(By.cssSelector("[data-kpi='overdue'] .value")).click();
        WallBrowser.waitUpTo(driver, LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
        WallBrowser.waitUpTo(driver, LIVE).until(d -> !driver.findElements(By.cssSelector("#cases th")).isEmpty());
        assertThat(driver.findElement(By.id("cases")).getText()).doesNotContain("无法加载");
        driver.findElement(By.id("modal-close")).click();

        driver.findElement(By.id("btn-lang")).click();
        WallBrowser.waitUpTo(driver, LIVE).until(ExpectedConditions.textToBe(
                By.cssSelector("[data-kpi='hotline'] .value"), "54,321"));
        driver.findElement(By.id("btn-lang")).click();
    }

    @Test
    void shouldDrillIntoADistrictOnTheRealRoutesAndComeBack() throws Exception {
        publishMetric("district:110101", 321, 1234);
        openWall();
        driver.executeScript("wall.ctx.drill('110101')");
        WallBrowser.waitUpTo(driver, LIVE).until(ExpectedConditions.textToBe(By.id("scene-name"), "东城区"));
        WallBrowser.waitUpTo(driver, LIVE).until(ExpectedConditions.textToBe(
                By.cssSelector("[data-kpi='open'] .value"), "1,234"));
        assertThat(driver.findElement(By.id("ranking-title")).getText()).isEqualTo("街道乡镇排名");
        WallBrowser.screenshot(driver, "live-district-110101");
        driver.findElement(By.id("btn-back")).click();
        WallBrowser.waitUpTo(driver, LIVE).until(ExpectedConditions.textToBe(By.id("scene-name"), "北京市"));
        WallBrowser.waitUpTo(driver, LIVE).until(d -> mapSeries("districts") != null && mapSeries("districts").size() == 16);
    }

    private ConsumerRecord<String, String> readOneCommand() {
        Properties p = new Properties();
        p.put("bootstrap.servers", settings.get(Setting.KAFKA_BOOTSTRAP));
        p.put("group.id", "wall-it-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(settings.get(Setting.TOPIC_ALERT_COMMANDS)));
            List<ConsumerRecord<String, String>> got = new CopyOnWriteArrayList<>();
            await().atMost(START).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return !got.isEmpty();
            });
            return got.get(0);
        }
    }
}
