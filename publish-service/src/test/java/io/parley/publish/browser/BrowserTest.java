package io.parley.publish.browser;

import io.parley.infra.Ports;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo blog post in real headless Chromium. The page is opened on http://localhost:PORT and
 * ingest is played on http://127.0.0.1:PORT, so posting is cross-origin as on a real blog.
 * Installs Chromium and chromedriver from Debian when they are missing.
 */
@QuarkusTest
@TestProfile(BrowserTest.RealPorts.class)
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class BrowserTest {

    /** A system property, because Quarkus loads this class twice (test and application class loaders). */
    static final int PORT = Integer.parseInt((String) System.getProperties()
            .computeIfAbsent("parley.browser-test.port", key -> Integer.toString(Ports.free())));
    static final String PAGE_ORIGIN = "http://localhost:" + PORT;
    static final String INGEST_ORIGIN = "http://127.0.0.1:" + PORT;

    public static class RealPorts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.test-port", Integer.toString(PORT),
                    "quarkus.http.host", "127.0.0.1",
                    "parley.publish.ingest-url", INGEST_ORIGIN + "/test-ingest",
                    "parley.publish.allowed-origins", PAGE_ORIGIN + "," + INGEST_ORIGIN,
                    // What ingest allows: JSON posts from blog origins, and form posts from pages with
                    // Referrer-Policy no-referrer (the fragment), which browsers send with "Origin: null".
                    // Here the fake ingest shares publish's server and so its CORS filter.
                    "quarkus.http.cors.origins", PAGE_ORIGIN + "," + INGEST_ORIGIN + ",null",
                    "quarkus.http.cors.methods", "GET,HEAD,OPTIONS,POST",
                    "quarkus.http.cors.headers", "Content-Type");
        }
    }

    private static Process chromedriver;
    private static URI driver;

    @BeforeAll
    static void startChromedriver() throws Exception {
        installChromiumIfMissing();
        int port = Ports.free();
        chromedriver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        driver = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> http.send(
                HttpRequest.newBuilder(driver.resolve("/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"ready\":true"));
    }

    @AfterAll
    static void stopChromedriver() throws InterruptedException {
        if (chromedriver != null) {
            chromedriver.destroy();
            chromedriver.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void commentPostedThroughTheWidgetAppearsOnceApproved() {
        String body = "Posted from Chromium " + UUID.randomUUID();
        try (WebDriverClient browser = WebDriverClient.start(driver, true)) {
            browser.open(PAGE_ORIGIN + "/demo/");
            fillAndSubmit(browser, "form.parley-form", "Grace", body);

            await().atMost(Duration.ofSeconds(30)).until(() -> browser.findAll(".parley-comment:not(.parley-pending) .parley-body")
                    .stream().map(browser::text).anyMatch(body::equals));
            assertThat(submission(body).viaForm()).isFalse();
            assertThat(submission(body).formTokenValid()).isTrue();
            assertThat(submission(body).powBits()).as("the widget's proof of work, as ingest verifies it")
                    .isGreaterThanOrEqualTo(FakeIngestResource.BITS);
            assertThat(submission(body).website()).isEmpty();
            assertOnlyParleyWasAsked(browser);
        }
    }

    @Test
    void ownCommentAwaitingModerationIsShownAsSuch() {
        String body = FakeIngestResource.HOLD + " please check " + UUID.randomUUID();
        try (WebDriverClient browser = WebDriverClient.start(driver, true)) {
            browser.open(PAGE_ORIGIN + "/demo/");
            fillAndSubmit(browser, "form.parley-form", "Hedy", body);

            await().atMost(Duration.ofSeconds(30)).until(() -> browser.find(".parley-pending") != null);
            String pending = browser.find(".parley-pending");
            assertThat(browser.text(pending)).contains("Awaiting moderation").contains(body);
        }
    }

    @Test
    void withJavaScriptOffTheFragmentRendersAndItsFormPosts() {
        String body = "Posted without JavaScript " + UUID.randomUUID();
        try (WebDriverClient browser = WebDriverClient.start(driver, false)) {
            browser.open(PAGE_ORIGIN + "/demo/");
            String frame = await().atMost(Duration.ofSeconds(10)).until(() -> browser.find("iframe.parley-frame"),
                    found -> found != null);
            browser.enterFrame(frame);
            assertThat(browser.text(browser.find("#parley-heading"))).matches("\\d+ comments?");
            fillAndSubmit(browser, "form#parley-form", "Ada", body);

            await().atMost(Duration.ofSeconds(10)).until(() -> browser.currentUrl().contains("parley=received"));
            assertThat(browser.currentUrl()).startsWith(PAGE_ORIGIN + "/demo/");
            assertThat(submission(body).viaForm()).isTrue();
            assertThat(submission(body).formTokenValid()).isTrue();
            assertThat(submission(body).website()).isEmpty();

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                browser.open(PAGE_ORIGIN + "/demo/");
                browser.enterFrame(browser.find("iframe.parley-frame"));
                return browser.findAll(".parley-body").stream().map(browser::text).anyMatch(body::equals);
            });
        }
    }

    private static void fillAndSubmit(WebDriverClient browser, String form, String name, String body) {
        String nameInput = await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.find(form + " input[name=name]"), found -> found != null);
        browser.type(nameInput, name);
        browser.type(browser.find(form + " textarea[name=body]"), body);
        browser.click(browser.find(form + " button[type=submit]"));
    }

    private static FakeIngestResource.Submission submission(String body) {
        return FakeIngestResource.RECEIVED.stream().filter(s -> body.equals(s.body())).findFirst().orElseThrow();
    }

    /** Everything the page loaded or fetched came from Parley: the page's origin or ingest's. */
    private static void assertOnlyParleyWasAsked(WebDriverClient browser) {
        List<String> origins = java.util.stream.StreamSupport.stream(browser.script(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"
                        + ".concat([location.origin]);").spliterator(), false)
                .map(node -> node.asText()).distinct().toList();
        assertThat(origins).isNotEmpty().isSubsetOf(PAGE_ORIGIN, INGEST_ORIGIN);
        assertThat(origins).contains(INGEST_ORIGIN);
    }

    private static void installChromiumIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            return;
        }
        Process install = new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", "chromium",
                "chromium-driver").inheritIO().start();
        assertThat(install.waitFor(10, TimeUnit.MINUTES) && install.exitValue() == 0)
                .as("apt-get install chromium chromium-driver").isTrue();
    }
}
