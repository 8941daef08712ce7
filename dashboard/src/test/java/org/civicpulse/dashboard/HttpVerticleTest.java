package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpVerticleTest {
    private static final String TOKEN = StandaloneConfig.TOKEN;
    private static final String TITLE = "CivicPulse 城市治理指挥中心";

    private WebClient client;

    @BeforeEach
    void deploy(Vertx vertx, VertxTestContext testContext) {
        HttpVerticle verticle = new HttpVerticle();
        DeploymentOptions options = new DeploymentOptions().setConfig(configOnPort(0));
        vertx.deployVerticle(verticle, options).onComplete(testContext.succeeding(id -> {
            client = WebClient.create(vertx, new WebClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(verticle.port())
                    .setFollowRedirects(false));
            testContext.completeNow();
        }));
    }

    @Test
    void shouldReportEveryCheckDownWith503WhenNothingRuns(VertxTestContext testContext) {
        client.get("/health").send().onComplete(testContext.succeeding(response ->
                testContext.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
                    JsonObject body = response.bodyAsJsonObject();
                    assertThat(body.getString("status")).isEqualTo("DEGRADED");
                    JsonObject checks = body.getJsonObject("checks");
                    assertThat(checks.fieldNames())
                            .containsExactlyInAnyOrder("kafka", "clickhouse", "flink", "live");
                    for (String name : checks.fieldNames()) {
                        assertThat(checks.getJsonObject(name).getBoolean("up")).as(name).isFalse();
                        assertThat(checks.getJsonObject(name).getString("detail")).as(name)
                                .isNotBlank();
                    }
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldRejectCountsWithoutCredentials(VertxTestContext testContext) {
        client.get("/api/v1/counts").send().onComplete(testContext.succeeding(response ->
                testContext.verify(() -> {
                    assertUnauthorizedJson(response);
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldRejectCountsWithWrongBearerToken(VertxTestContext testContext) {
        client.get("/api/v1/counts").bearerTokenAuthentication("wrong-token").send()
                .onComplete(testContext.succeeding(response -> testContext.verify(() -> {
                    assertUnauthorizedJson(response);
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldExchangeRightTokenForHttpOnlySessionCookieThatOpensThePage(
            VertxTestContext testContext) {
        client.get("/?token=" + TOKEN).send()
                .compose(redirect -> {
                    testContext.verify(() -> {
                        assertThat(redirect.statusCode()).isEqualTo(302);
                        assertThat(redirect.getHeader("Location")).isEqualTo("/");
                        assertThat(redirect.cookies()).singleElement().satisfies(cookie ->
                                assertThat(cookie).startsWith("civicpulse_session=")
                                        .containsIgnoringCase("HttpOnly")
                                        .containsIgnoringCase("SameSite=Strict")
                                        .contains("Path=/"));
                    });
                    String cookie = redirect.cookies().get(0).split(";", 2)[0];
                    return client.get("/").putHeader("Cookie", cookie).send();
                })
                .onComplete(testContext.succeeding(page -> testContext.verify(() -> {
                    assertThat(page.statusCode()).isEqualTo(200);
                    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
                    assertThat(page.bodyAsString()).contains("<title>" + TITLE + "</title>");
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldRefuseThePageForWrongTokenWithoutSettingCookie(VertxTestContext testContext) {
        client.get("/?token=wrong-token").send().onComplete(testContext.succeeding(response ->
                testContext.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(response.cookies()).isEmpty();
                    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
                    assertThat(response.bodyAsString()).contains("/?token=").doesNotContain(TITLE);
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldAskForTokenWhenThePageIsOpenedWithoutOne(VertxTestContext testContext) {
        client.get("/").send().onComplete(testContext.succeeding(response ->
                testContext.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(response.bodyAsString()).contains("/?token=").doesNotContain(TITLE);
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldRejectForgedSessionCookie(VertxTestContext testContext) {
        client.get("/api/v1/counts").putHeader("Cookie", "civicpulse_session=forged").send()
                .onComplete(testContext.succeeding(response -> testContext.verify(() -> {
                    assertUnauthorizedJson(response);
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldAnswerUnknownRouteWith404Json(VertxTestContext testContext) {
        client.get("/no/such/route").send().onComplete(testContext.succeeding(response ->
                testContext.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
                    assertThat(response.bodyAsJsonObject().getString("error"))
                            .contains("/no/such/route");
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldAnswer503JsonWhenClickHouseIsDownForAuthenticatedCounts(
            VertxTestContext testContext) {
        client.get("/api/v1/counts").bearerTokenAuthentication(TOKEN).send()
                .onComplete(testContext.succeeding(response -> testContext.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
                    assertThat(response.bodyAsJsonObject().getString("error"))
                            .contains("ClickHouse");
                    testContext.completeNow();
                })));
    }

    @Test
    void shouldFailDeploymentWhenThePortIsTaken(Vertx vertx, VertxTestContext testContext) {
        vertx.createHttpServer().requestHandler(req -> req.response().end()).listen(0, "127.0.0.1")
                .compose((HttpServer taken) -> vertx.deployVerticle(new HttpVerticle(),
                        new DeploymentOptions().setConfig(configOnPort(taken.actualPort()))))
                .onComplete(testContext.failing(e -> testContext.verify(() -> {
                    assertThat(e).hasMessageContaining("Cannot serve on 127.0.0.1:");
                    testContext.completeNow();
                })));
    }

    private static void assertUnauthorizedJson(HttpResponse<?> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        assertThat(response.bodyAsJsonObject().getString("error")).contains("token");
    }

    private static JsonObject configOnPort(int port) {
        return StandaloneConfig.dashboard(port).toJson();
    }
}
