package io.parley.publish.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the W3C WebDriver protocol to drive headless Chromium through chromedriver:
 * no client library, so nothing to resolve against the Quarkus BOM.
 */
final class WebDriverClient implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String session;

    private WebDriverClient(String session) {
        this.session = session;
    }

    static WebDriverClient start(URI driver, boolean javascript) {
        Map<String, Object> prefs = javascript ? Map.of()
                : Map.of("profile.managed_default_content_settings.javascript", 2);
        Map<String, Object> chrome = Map.of(
                "binary", "/usr/bin/chromium",
                "args", List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--disable-dev-shm-usage"),
                "prefs", prefs);
        JsonNode created = call(driver, "POST", "/session", Map.of("capabilities",
                Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", chrome))));
        return new WebDriverClient(driver + "/session/" + created.path("sessionId").asText());
    }

    void open(String url) {
        call("POST", "/url", Map.of("url", url));
    }

    String currentUrl() {
        return call("GET", "/url", null).asText();
    }

    /** The element matching the css selector, or null. */
    String find(String css) {
        JsonNode found = call("POST", "/elements", Map.of("using", "css selector", "value", css));
        return found.size() == 0 ? null : found.get(0).path(ELEMENT).asText();
    }

    List<String> findAll(String css) {
        JsonNode found = call("POST", "/elements", Map.of("using", "css selector", "value", css));
        return java.util.stream.StreamSupport.stream(found.spliterator(), false)
                .map(node -> node.path(ELEMENT).asText()).toList();
    }

    String text(String element) {
        return call("GET", "/element/" + element + "/text", null).asText();
    }

    void type(String element, String text) {
        call("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    void click(String element) {
        call("POST", "/element/" + element + "/click", Map.of());
    }

    void enterFrame(String element) {
        call("POST", "/frame", Map.of("id", Map.of(ELEMENT, element)));
    }

    JsonNode script(String body) {
        return call("POST", "/execute/sync", Map.of("script", body, "args", List.of()));
    }

    @Override
    public void close() {
        call("DELETE", "", null);
    }

    private JsonNode call(String method, String path, Object body) {
        return call(URI.create(session), method, path, body);
    }

    private static JsonNode call(URI base, String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.body());
            }
            return answer.path("value");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
