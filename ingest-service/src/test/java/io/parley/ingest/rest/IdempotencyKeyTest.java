package io.parley.ingest.rest;

import io.parley.events.CommentEvent;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class IdempotencyKeyTest {

    @Test
    void retryWithTheSameKeyAndBodyGetsTheSameAnswerAndNoSecondComment() {
        String postId = TestEvents.newPostId();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = post(key, CommentRequests.json(postId, "Ada", "Only once, please."));
        ExtractableResponse<Response> retry = post(key, CommentRequests.json(postId, "Ada", "Only once, please."));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.<String>path("editToken")).isEqualTo(first.path("editToken"));
        await().until(() -> IngestEvents.events(postId).size() >= 1);
        assertThat(IngestEvents.events(postId)).extracting(CommentEvent::commentId).map(UUID::toString)
                .containsOnly(first.<String>path("id"));
    }

    @Test
    void theSameKeyWithADifferentCommentIsRefused() {
        String postId = TestEvents.newPostId();
        String key = UUID.randomUUID().toString();
        assertThat(post(key, CommentRequests.json(postId, "Ada", "First text")).statusCode()).isEqualTo(202);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(CommentRequests.json(postId, "Ada", "Another text"))
                .post("/api/v1/comments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://parley.invalid/problems/idempotency-key-reused"));
    }

    @Test
    void differentKeysMakeDifferentComments() {
        String postId = TestEvents.newPostId();
        String body = CommentRequests.json(postId, "Ada", "Same words twice, on purpose.");
        String first = post(UUID.randomUUID().toString(), body).path("id");
        String second = post(UUID.randomUUID().toString(), body).path("id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aKeyWithControlCharactersIsRefused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "bad key")
                .body(CommentRequests.json(TestEvents.newPostId(), "Ada", "hello"))
                .post("/api/v1/comments")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static ExtractableResponse<Response> post(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/comments").then().extract();
    }
}
