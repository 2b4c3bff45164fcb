package io.parley.ingest.rest;

import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(StrictPostsTest.Strict.class)
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class StrictPostsTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.ingest.require-registered-posts", "true");
        }
    }

    @Test
    void strictModeRefusesCommentsOnUnregisteredPosts() {
        given().contentType(ContentType.JSON).body(CommentRequests.json(TestEvents.newPostId(), "Ada", "Hello?"))
                .post("/api/v1/comments")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://parley.invalid/problems/unknown-post"));
    }

    @Test
    void strictModeAcceptsCommentsOnRegisteredPosts() {
        String postId = TestEvents.newPostId();
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-blog-api-key")
                .body("{\"title\": \"Registered\", \"commentsOpen\": true}")
                .put("/api/v1/posts/{id}", postId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(CommentRequests.json(postId, "Ada", "Hello!"))
                .post("/api/v1/comments").then().statusCode(202);
    }
}
