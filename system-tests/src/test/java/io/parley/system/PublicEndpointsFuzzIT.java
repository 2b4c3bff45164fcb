package io.parley.system;

import io.parley.infra.LocalStack;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every public endpoint of the running system: random JSON shapes, huge,
 * Unicode, control, right-to-left and zero-width strings, odd headers. The promise: never a 5xx,
 * never a stack trace.
 */
class PublicEndpointsFuzzIT {

    static final AtomicLong CASES = new AtomicLong();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalStack stack;

    @BeforeContainer
    static void startSystem() {
        stack = SystemStack.start(1, SystemStack.MANY_READERS_ON_ONE_ADDRESS);
    }

    @AfterContainer
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
        System.out.printf("fuzzing: %d requests to the public endpoints, no 5xx, no stack trace%n", CASES.get());
    }

    @Property(tries = 300)
    void commentEndpointSurvivesAnyJson(@ForAll("jsonBodies") String body) throws Exception {
        assertClean(send(HttpRequest.newBuilder(URI.create(ingest() + "/api/v1/comments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    @Property(tries = 200)
    void commentEndpointSurvivesAnyFieldValues(@ForAll("nasty") String postId, @ForAll("nasty") String name,
                                               @ForAll("nasty") String body, @ForAll("nasty") String url) throws Exception {
        String json = Http.JSON.writeValueAsString(Map.of("postId", postId, "parentId", name,
                "author", Map.of("name", name, "email", body, "url", url), "body", body));
        assertClean(send(HttpRequest.newBuilder(URI.create(ingest() + "/api/v1/comments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    @Property(tries = 150)
    void formEndpointSurvivesAnyFields(@ForAll("nasty") String postId, @ForAll("nasty") String body,
                                       @ForAll("nasty") String returnTo) throws Exception {
        String form = "postId=" + enc(postId) + "&name=" + enc(body) + "&body=" + enc(body) + "&returnTo="
                + enc(returnTo) + "&formToken=" + enc(returnTo) + "&powNonce=" + enc(postId);
        assertClean(send(HttpRequest.newBuilder(URI.create(ingest() + "/api/v1/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    @Property(tries = 150)
    void headersCannotBreakIngest(@ForAll("headerValues") String value, @ForAll("contentTypes") String type)
            throws Exception {
        assertClean(send(HttpRequest.newBuilder(URI.create(ingest() + "/api/v1/comments"))
                .header("Content-Type", type).header("Idempotency-Key", value).header("Authorization", value)
                .header("Accept-Language", value).header("X-Forwarded-For", value)
                .POST(HttpRequest.BodyPublishers.ofString("{\"postId\":\"p\",\"author\":{\"name\":\"a\"},\"body\":\"b\"}"))));
        assertClean(send(HttpRequest.newBuilder(URI.create(ingest() + "/api/v1/comments/"
                + "00000000-0000-0000-0000-000000000000")).header("Authorization", "Bearer " + value)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"body\":\"x\"}"))));
    }

    @Property(tries = 200)
    void readEndpointsSurviveAnyPostIdAndParameters(@ForAll("nasty") String postId, @ForAll("nasty") String cursor)
            throws Exception {
        String publish = stack.service(LocalStack.PUBLISH).url();
        String id = enc(postId).replace("+", "%20");
        for (String path : new String[]{"/api/v1/posts/" + id + "/comments?sort=" + enc(cursor) + "&limit="
                + enc(cursor) + "&cursor=" + enc(cursor), "/api/v1/counts?postId=" + enc(postId) + "&postId=" + enc(cursor),
                "/posts/" + id + "/comments.atom", "/posts/" + id + "/comments.html"}) {
            URI uri;
            try {
                uri = URI.create(publish + path);
            } catch (IllegalArgumentException e) {
                continue; // not a request any client could send
            }
            assertClean(send(HttpRequest.newBuilder(uri).GET()));
        }
        assertClean(send(HttpRequest.newBuilder(URI.create(ingest() + "/api/v1/challenge?postId=" + enc(postId))).GET()));
    }

    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> tricky = Arbitraries.of("\u202Eevil\u202C", "\u200B\u200C\u200D\uFEFF", "\u0000\u0001\u001F",
                "../../etc/passwd", "%00", "' OR 1=1 --", "<script>alert(1)</script>", "\uD83D\uDE00".repeat(50),
                "a/b", "#?", "", " ", "null", "\uD800", "x".repeat(12_000), "https://blog.example/", "javascript:x");
        Arbitrary<String> huge = Arbitraries.strings().withCharRange('a', 'z').ofLength(70_000);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, unicode), net.jqwik.api.Tuple.of(4, tricky),
                net.jqwik.api.Tuple.of(1, huge));
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        Arbitrary<String> scalar = Arbitraries.oneOf(nasty().map(PublicEndpointsFuzzIT::quote),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "1e999", "-0"));
        Arbitrary<String> author = Combinators.combine(scalar, scalar, scalar)
                .as((n, e, u) -> "{\"name\":" + n + ",\"email\":" + e + ",\"url\":" + u + "}");
        Arbitrary<String> comment = Combinators.combine(scalar, Arbitraries.oneOf(author, scalar), scalar, scalar)
                .as((p, a, b, parent) -> "{\"postId\":" + p + ",\"author\":" + a + ",\"body\":" + b + ",\"parentId\":"
                        + parent + "}");
        Arbitrary<String> broken = Arbitraries.strings().withChars("{}[]\":,\\ 0a").ofMaxLength(60);
        return Arbitraries.oneOf(comment, broken, scalar, comment.map(c -> "[" + c + "]"),
                comment.map(c -> c.substring(0, c.length() / 2)));
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(7_000));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=latin1", "text/plain", "application/xml",
                "multipart/form-data", "application/x-www-form-urlencoded", "*/*", "application/json;;;", "x");
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        CASES.incrementAndGet();
        HttpRequest request;
        try {
            request = builder.timeout(Duration.ofSeconds(15)).build();
        } catch (IllegalArgumentException e) {
            return null; // a header value the HTTP client itself refuses to send
        }
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException first) {
            // A pooled keep-alive connection the server had already closed (after answering an oversized
            // request early, say) fails before any byte is read; a fresh connection settles it.
            try {
                return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                // The server may answer 413 and close while a body over its limit is still being sent.
                long bodyBytes = request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L);
                assertThat(bodyBytes).as("connection dropped: " + e).isGreaterThan(64 * 1024);
                return null;
            }
        }
    }

    private static void assertClean(HttpResponse<String> response) {
        if (response == null) {
            return;
        }
        assertThat(response.statusCode()).as(response.uri().toString()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    }

    private static String ingest() {
        return stack.service(LocalStack.INGEST).url();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
