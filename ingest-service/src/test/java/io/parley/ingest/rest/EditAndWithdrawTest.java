package io.parley.ingest.rest;

import io.parley.events.CommentEdited;
import io.parley.events.CommentWithdrawn;
import io.parley.ingest.service.EditTokens;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class EditAndWithdrawTest {

    @Inject
    EditTokens editTokens;

    @Test
    void authorCanEditWithTheEditTokenAndTheNewTextIsAnEvent() {
        String postId = TestEvents.newPostId();
        ExtractableResponse<Response> posted = submit(postId);
        UUID id = UUID.fromString(posted.path("id"));

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + posted.path("editToken"))
                .body("{\"body\": \"  Corrected text  \"}")
                .put("/api/v1/comments/{id}", id)
                .then().statusCode(202).body("id", equalTo(id.toString()));

        CommentEdited edited = IngestEvents.awaitEvent(postId, CommentEdited.class, id);
        assertThat(edited.body()).isEqualTo("Corrected text");
        assertThat(edited.version()).isGreaterThan(1);
        assertThat(edited.postId()).isEqualTo(postId);
    }

    @Test
    void authorCanWithdrawWithTheEditToken() {
        String postId = TestEvents.newPostId();
        ExtractableResponse<Response> posted = submit(postId);
        UUID id = UUID.fromString(posted.path("id"));

        given().header("Authorization", "Bearer " + posted.path("editToken"))
                .delete("/api/v1/comments/{id}", id)
                .then().statusCode(202).body("status", equalTo("withdrawn"));

        assertThat(IngestEvents.awaitEvent(postId, CommentWithdrawn.class, id).version()).isGreaterThan(1);
    }

    @Test
    void anotherCommentsTokenIsRefused() {
        String postId = TestEvents.newPostId();
        String otherToken = submit(postId).path("editToken");
        UUID id = UUID.fromString(submit(postId).path("id"));

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + otherToken)
                .body("{\"body\": \"hijacked\"}")
                .put("/api/v1/comments/{id}", id)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().delete("/api/v1/comments/{id}", id).then().statusCode(401);
    }

    @Test
    void editingAfterTheWindowIsRefused() {
        UUID id = UUID.randomUUID();
        String staleToken = editTokens.issue(id, TestEvents.newPostId(), Instant.now().minus(Duration.ofMinutes(16)));

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + staleToken)
                .body("{\"body\": \"too late\"}")
                .put("/api/v1/comments/{id}", id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://parley.invalid/problems/edit-window-closed"));
    }

    @Test
    void anEditIsValidatedLikeANewComment() {
        ExtractableResponse<Response> posted = submit(TestEvents.newPostId());
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + posted.path("editToken"))
                .body("{\"body\": \"   \"}")
                .put("/api/v1/comments/{id}", posted.<String>path("id"))
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    private static ExtractableResponse<Response> submit(String postId) {
        return given().contentType(ContentType.JSON).body(CommentRequests.json(postId, "Ada", "Original text"))
                .post("/api/v1/comments").then().statusCode(202).extract();
    }
}
