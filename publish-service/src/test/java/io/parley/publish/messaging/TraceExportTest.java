package io.parley.publish.messaging;

import com.sun.net.httpserver.HttpServer;
import io.parley.events.Outcome;
import io.parley.events.Topics;
import io.parley.infra.Ports;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.parley.testsupport.TraceParents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an OTLP endpoint configured, spans are posted to its {@code /v1/traces} (OTLP/HTTP,
 * protobuf), here a small HTTP server standing in for a collector.
 */
@QuarkusTest
@TestProfile(TraceExportTest.ToLocalCollector.class)
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class TraceExportTest {

    /** A system property, because Quarkus loads this class twice (test and application class loaders). */
    static final int COLLECTOR_PORT = Integer.parseInt((String) System.getProperties()
            .computeIfAbsent("parley.trace-export-test.port", key -> Integer.toString(Ports.free())));

    public static class ToLocalCollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + COLLECTOR_PORT);
        }
    }

    record Export(String path, String contentType, byte[] body) {
    }

    private static final List<Export> EXPORTS = new CopyOnWriteArrayList<>();
    private static HttpServer collector;

    @BeforeAll
    static void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", COLLECTOR_PORT), 0);
        collector.createContext("/", exchange -> {
            EXPORTS.add(new Export(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    private final TopicProbe topics = TopicProbe.shared();

    @Test
    void consumingADecisionExportsASpanInItsProducersTrace() {
        String postId = TestEvents.newPostId();
        String producer = TraceParents.random();

        topics.sendJson(Topics.DECISIONS, postId,
                TestEvents.decision(postId, UUID.randomUUID(), null, 1, Outcome.APPROVED, "Exported."),
                Map.of(TraceParents.HEADER, producer));

        Export export = awaitExportOf(TraceParents.traceId(producer));
        assertThat(export.path()).isEqualTo("/v1/traces");
        assertThat(export.contentType()).isEqualTo("application/x-protobuf");
    }

    @Test
    void readRequestExportsAServerSpanInTheCallersTrace() {
        String caller = TraceParents.random();

        given().header(TraceParents.HEADER, caller)
                .get("/api/v1/posts/{postId}/comments", TestEvents.newPostId())
                .then().statusCode(200);

        assertThat(awaitExportOf(TraceParents.traceId(caller)).path()).isEqualTo("/v1/traces");
    }

    /** The protobuf body holds each span's trace id as its 16 raw bytes. */
    private static Export awaitExportOf(String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> EXPORTS.stream().anyMatch(export -> contains(export.body(), id)));
        return EXPORTS.stream().filter(export -> contains(export.body(), id)).findFirst().orElseThrow();
    }

    private static boolean contains(byte[] body, byte[] part) {
        // ISO-8859-1 maps every byte to one char, so this is a byte-for-byte search
        return new String(body, StandardCharsets.ISO_8859_1).contains(new String(part, StandardCharsets.ISO_8859_1));
    }
}
