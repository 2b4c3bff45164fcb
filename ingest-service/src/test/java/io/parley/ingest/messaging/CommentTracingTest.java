package io.parley.ingest.messaging;

import io.parley.events.Topics;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.parley.testsupport.TraceParents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The comment event ingest writes carries the trace of the request that submitted it. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class CommentTracingTest {

    private final TopicProbe topics = TopicProbe.shared();

    @Test
    void commentEventContinuesTheTraceOfTheSubmittingRequest() {
        String postId = TestEvents.newPostId();
        String caller = TraceParents.random();

        submit(postId, caller);

        String written = TraceParents.of(topics.awaitRecord(Topics.COMMENTS, r -> postId.equals(r.key())));
        assertThat(written).isNotNull();
        assertThat(TraceParents.traceId(written)).isEqualTo(TraceParents.traceId(caller));
        assertThat(TraceParents.spanId(written)).as("ingest's own span, not the caller's")
                .isNotEqualTo(TraceParents.spanId(caller));
    }

    @Test
    void commentWithAnIdempotencyKeyContinuesTheTraceOnItsWorkerThread() {
        String postId = TestEvents.newPostId();
        String caller = TraceParents.random();

        given().contentType(ContentType.JSON).header(TraceParents.HEADER, caller)
                .header("Idempotency-Key", "traced-" + postId)
                .body("""
                        {"postId": "%s", "author": {"name": "Ada"}, "body": "Traced, with a key."}""".formatted(postId))
                .post("/api/v1/comments").then().statusCode(202);

        String written = TraceParents.of(topics.awaitRecord(Topics.COMMENTS, r -> postId.equals(r.key())));
        assertThat(TraceParents.traceId(written)).isEqualTo(TraceParents.traceId(caller));
    }

    @Test
    void commentSubmittedWithoutTraceContextStartsItsOwnTrace() {
        String tracedPost = TestEvents.newPostId();
        String untracedPost = TestEvents.newPostId();
        String caller = TraceParents.random();

        submit(tracedPost, caller);
        submit(untracedPost, null);

        ConsumerRecord<String, byte[]> record = topics.awaitRecord(Topics.COMMENTS, r -> untracedPost.equals(r.key()));
        String written = TraceParents.of(record);
        assertThat(written).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        assertThat(TraceParents.traceId(written)).as("no trace left over from the earlier request")
                .isNotEqualTo(TraceParents.traceId(caller));
    }

    private static void submit(String postId, String traceparent) {
        var request = given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "%s", "author": {"name": "Ada"}, "body": "Traced."}""".formatted(postId));
        if (traceparent != null) {
            request.header(TraceParents.HEADER, traceparent);
        }
        request.post("/api/v1/comments").then().statusCode(202);
    }
}
