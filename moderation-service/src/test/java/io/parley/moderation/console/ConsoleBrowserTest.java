package io.parley.moderation.console;

import io.parley.events.Outcome;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.messaging.PublishedDecisions;
import io.parley.moderation.rest.HeldComments;
import io.parley.moderation.rest.Moderators;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in real headless Chromium (Debian's chromium and chromium-driver, installed when
 * missing): sign in, move through the queue with j/k, approve with a, and see the comment go.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class ConsoleBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static Path profile;
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    HeldComments held;

    @BeforeAll
    static void startChromium() throws Exception {
        installIfMissing();
        profile = Files.createTempDirectory("parley-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aModeratorSignsInAndApprovesAHeldCommentWithTheKeyboard() {
        String post = TestEvents.newPostId();
        ModeratedComment first = held.held(post, "First held comment, <b>not bold</b>");
        ModeratedComment second = held.held(post, "Second held comment");

        browser.get(base + "login");
        browser.findElement(By.name("j_username")).sendKeys(Moderators.ADMIN);
        browser.findElement(By.name("j_password")).sendKeys(Moderators.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.getCurrentUrl().contains("/queue"));

        browser.get(base + "queue?postId=" + post);
        await().atMost(Duration.ofSeconds(10)).until(() -> selectedId().equals(first.id.toString()));
        assertThat(browser.findElement(By.cssSelector(".item.selected .body")).getText())
                .as("shown as text, not markup").contains("<b>not bold</b>");
        press("j");
        assertThat(selectedId()).isEqualTo(second.id.toString());
        press("k");
        assertThat(selectedId()).isEqualTo(first.id.toString());

        press("a");

        await().atMost(Duration.ofSeconds(15)).until(() -> queueIds().equals(List.of(second.id.toString())));
        assertThat(new PublishedDecisions().await(first.id, 2).outcome()).isEqualTo(Outcome.APPROVED);
    }

    private void press(String key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private String selectedId() {
        List<WebElement> selected = browser.findElements(By.cssSelector(".queue .item.selected"));
        return selected.isEmpty() ? "" : selected.get(0).getAttribute("data-id");
    }

    private List<String> queueIds() {
        return browser.findElements(By.cssSelector(".queue .item")).stream().map(e -> e.getAttribute("data-id"))
                .toList();
    }

    /** The test brings its own browser: Debian's packages, with the package lists refreshed if need be. */
    private static void installIfMissing() throws Exception {
        if (Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return;
        }
        if (run("apt-get", "install", "-y", "chromium", "chromium-driver") != 0) {
            run("apt-get", "update");
            assertThat(run("apt-get", "install", "-y", "chromium", "chromium-driver"))
                    .as("apt-get install chromium chromium-driver").isZero();
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return process.exitValue();
    }
}
