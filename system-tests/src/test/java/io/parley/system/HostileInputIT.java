package io.parley.system;

import io.parley.events.Topics;
import io.parley.infra.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attacks through the real pipeline: script in comments, SQL in comments, and a check that the
 * reader's address and browser never land in any database or on any topic.
 */
class HostileInputIT {

    private static final String CLIENT_IP = "203.0.113.99";
    private static final String USER_AGENT = "HostileProbe/2.0 (" + UUID.randomUUID() + ")";

    static final List<String> XSS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click]( javascript:alert(1) )",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "![x](x\" onerror=\"alert(1))",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<style>body{display:none}</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<<script>script>alert(1)<</script>/script>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>");

    // As behind the edge proxy: ingest sees the reader's address in X-Forwarded-For.
    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(1, Map.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
            "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true"));

    @Test
    void xssCorpusIsAcceptedOrRefusedCleanlyAndComesOutInertEverywhere() throws Exception {
        String postId = "xss-" + UUID.randomUUID();
        for (int i = 0; i < XSS.size(); i++) {
            String vector = XSS.get(i);
            // each vector from another reader, so the per-client rate limit stays out of the way
            int status = Http.postJson(ingest(), json(postId, vector, vector),
                    Map.of("X-Forwarded-For", "198.51.100." + (20 + i))).status();
            assertThat(status).as(vector).isIn(202, 400);
        }
        // Whatever moderation decides, approve every vector as a moderator could, and read it back.
        for (String vector : XSS) {
            approveDirectly(postId, vector);
        }
        String publish = SYSTEM.get().service(LocalStack.PUBLISH).url();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Http.get(publish + "/api/v1/posts/" + postId + "/comments?limit=100").body().get("count").asInt()
                        >= XSS.size());

        List<String> htmlFromApi = new ArrayList<>();
        Http.get(publish + "/api/v1/posts/" + postId + "/comments?limit=100").body().get("comments")
                .forEach(c -> htmlFromApi.add(c.get("html").asText()));
        assertThat(htmlFromApi).hasSizeGreaterThanOrEqualTo(XSS.size());
        htmlFromApi.forEach(HostileInputIT::assertInert);
        assertInert(fetch(publish + "/posts/" + postId + "/comments.html"));
        assertInert(Jsoup.parse(fetch(publish + "/posts/" + postId + "/comments.atom"), "",
                org.jsoup.parser.Parser.xmlParser()).select("content").eachText().stream()
                .reduce("", String::concat));
    }

    @Test
    void sqlInjectionIsStoredAndShownLiterally() throws Exception {
        String postId = "sql-" + UUID.randomUUID();
        String evil = "Robert'); DROP TABLE published_comment; -- and \" OR 1=1 --";
        approveDirectly(postId, evil);
        String url = SYSTEM.get().service(LocalStack.PUBLISH).url() + "/api/v1/posts/" + postId + "/comments";
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(url).body().get("count").asInt() == 1);
        String html = Http.get(url).body().get("comments").get(0).get("html").asText();
        assertThat(Jsoup.parse(html).text()).isEqualTo(evil);
        assertThat(Http.get(SYSTEM.get().service(LocalStack.INGEST).url() + "/q/health/ready").status()).isEqualTo(200);
    }

    @Test
    void noDatabaseTableAndNoKafkaMessageContainsTheReadersAddressOrUserAgent() throws Exception {
        String postId = "privacy-" + UUID.randomUUID();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String ingest = ingest();
        List<HttpRequest> requests = List.of(
                HttpRequest.newBuilder(URI.create(ingest)).header("Content-Type", "application/json")
                        .header("X-Forwarded-For", CLIENT_IP).header("User-Agent", USER_AGENT)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(json(postId, "Ada", "Private, please."))).build(),
                HttpRequest.newBuilder(URI.create(ingest)).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", CLIENT_IP).header("User-Agent", USER_AGENT)
                        .POST(HttpRequest.BodyPublishers.ofString("postId=" + postId + "&name=Bo&body=Form+comment"))
                        .build());
        for (HttpRequest request : requests) {
            assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isIn(200, 202, 303);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Databases.ids(SYSTEM.get().postgres(), "publish", "published_comment", postId).size() == 2);

        String everything = Databases.dumpAll(SYSTEM.get().postgres());
        assertThat(everything).contains(postId).doesNotContain(CLIENT_IP).doesNotContain("HostileProbe");
        for (String topic : Topics.ALL) {
            for (ConsumerRecord<String, byte[]> record : readAll(topic)) {
                String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                assertThat(value).as(topic).doesNotContain(CLIENT_IP).doesNotContain("HostileProbe");
            }
        }
    }

    @Test
    void burstFromOneClientWithoutProofOfWorkIsRateLimited() throws Exception {
        String postId = "burst-" + UUID.randomUUID();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<Void>>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create(ingest()))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.7")
                    .POST(HttpRequest.BodyPublishers.ofString(json(postId, "Bot", "spam " + i))).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        List<Integer> statuses = burst.stream().map(f -> f.join().statusCode()).toList();
        // 10 a minute per client and post; a burst straddling a minute boundary may get two windows.
        assertThat(statuses.stream().filter(s -> s == 202).count()).isBetween(10L, 20L);
        assertThat(statuses).containsOnly(202, 429);
        assertThat(burst.stream().filter(f -> f.join().statusCode() == 429)
                .allMatch(f -> f.join().headers().firstValue("Retry-After").isPresent())).isTrue();
    }

    private static void assertInert(String html) {
        Document document = Jsoup.parse(html);
        assertThat(document.select("script, iframe, object, embed, svg, math, style, img[onerror]")).isEmpty();
        for (Element element : document.body().getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(html).doesNotStartWithIgnoringCase("on");
                if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                    assertThat(attribute.getValue().strip().toLowerCase())
                            .as(html).matches("^(https?:|mailto:|/|#|\\?).*|^$");
                }
                assertThat(attribute.getKey()).isNotEqualToIgnoringCase("style");
            }
        }
    }

    /** Writes an approved decision for the text, as moderation does when a moderator approves it. */
    private static void approveDirectly(String postId, String body) throws Exception {
        String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        String decision = Http.JSON.writeValueAsString(Map.of(
                "schemaVersion", 1, "commentId", UUID.randomUUID().toString(), "version", 1, "postId", postId,
                "outcome", "approved", "author", Map.of("name", "Mallory <b>bold</b>"), "body", body,
                "submittedAt", now, "decidedAt", now));
        KafkaProbe.send(SYSTEM.get().kafka().bootstrapServers(), Topics.DECISIONS, postId, decision);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return KafkaProbe.readAll(SYSTEM.get().kafka().bootstrapServers(), topic);
    }

    private static String fetch(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String ingest() {
        return SYSTEM.get().service(LocalStack.INGEST).url() + "/api/v1/comments";
    }

    private static String json(String postId, String name, String body) {
        try {
            return Http.JSON.writeValueAsString(Map.of("postId", postId, "author", Map.of("name", name), "body", body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
