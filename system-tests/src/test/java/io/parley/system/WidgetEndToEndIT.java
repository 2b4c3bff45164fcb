package io.parley.system;

import io.parley.infra.LocalStack;
import io.parley.testsupport.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo blog post in headless Chromium against the real system: the widget computes its proof of
 * work, posts to ingest cross-origin, the real moderation engine approves, publish shows the comment.
 * With JavaScript off, the server-rendered fragment's form posts the same way.
 */
class WidgetEndToEndIT {

    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(1);

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        Chromium.ensureInstalled();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void commentPostedThroughTheWidgetAppearsAfterAutomaticApproval() throws Exception {
        browser = start(true);
        String body = "Thank you for explaining how bridges differ from relays; I set one up tonight. "
                + UUID.randomUUID();
        browser.get(demoPage());
        readForAWhile();
        fill("form.parley-form", "Grace", body);

        // Reloading gives the page time to fetch and render the thread before the next look.
        await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    browser.navigate().refresh();
                    Thread.sleep(2000);
                    return browser.findElements(By.cssSelector(".parley-comment:not(.parley-pending) .parley-body"))
                            .stream().map(WebElement::getText).anyMatch(body::equals);
                });
        List<?> origins = (List<?>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"
                        + ".concat([location.origin]);");
        assertThat(origins).as("everything the page asked for came from Parley").isNotEmpty()
                .allMatch(origin -> origin.equals(origin(LocalStack.PUBLISH)) || origin.equals(origin(LocalStack.INGEST)));
    }

    @Test
    void withJavaScriptOffTheFragmentsFormPostsThroughThePipeline() throws Exception {
        browser = start(false);
        String body = "Without JavaScript, this form still works, which matters on Tor Browser's safest level. "
                + UUID.randomUUID();
        browser.get(demoPage());
        WebElement frame = await().atMost(Duration.ofSeconds(20)).until(
                () -> browser.findElements(By.cssSelector("iframe.parley-frame")), found -> !found.isEmpty()).get(0);
        browser.switchTo().frame(frame);
        readForAWhile();
        fill("form#parley-form", "Ada", body);

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("parley=received"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            browser.get(demoPage());
            browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.parley-frame")));
            return browser.findElements(By.cssSelector(".parley-body")).stream().map(WebElement::getText)
                    .anyMatch(body::equals);
        });
    }

    /** A reader spends seconds on a post before commenting; an instant post looks robotic to moderation. */
    private static void readForAWhile() throws InterruptedException {
        Thread.sleep(4000);
    }

    private void fill(String form, String name, String body) {
        WebElement nameInput = await().atMost(Duration.ofSeconds(20)).until(
                () -> browser.findElements(By.cssSelector(form + " input[name=name]")), found -> !found.isEmpty()).get(0);
        nameInput.sendKeys(name);
        browser.findElement(By.cssSelector(form + " textarea[name=body]")).sendKeys(body);
        browser.findElement(By.cssSelector(form + " button[type=submit]")).click();
    }

    private static String demoPage() {
        return origin(LocalStack.PUBLISH) + "/demo/";
    }

    private static String origin(String service) {
        URI url = URI.create(SYSTEM.get().service(service).url());
        return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
    }

    private static WebDriver start(boolean javascript) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY);
        options.addArguments(Chromium.ARGUMENTS);
        options.addArguments("--user-data-dir=" + Files.createTempDirectory("parley-chromium"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Chromium.DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
