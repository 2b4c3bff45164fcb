package io.parley.ingest.rest;

import io.parley.events.PostUpdated;
import io.parley.events.Topics;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class PostRegistrationTest {

    private static final String API_KEY = "test-blog-api-key";

    @Test
    void registeringAPostNeedsTheBlogsApiKey() {
        String postId = TestEvents.newPostId();
        given().contentType(ContentType.JSON).body(post(true)).put("/api/v1/posts/{id}", postId)
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(post(true))
                .put("/api/v1/posts/{id}", postId).then().statusCode(401);
    }

    @Test
    void registeredPostIsOnTheCompactedPostsTopic() {
        String postId = TestEvents.newPostId();
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + API_KEY).body(post(true))
                .put("/api/v1/posts/{id}", postId)
                .then().statusCode(200).body("postId", equalTo(postId)).body("commentsOpen", equalTo(true));

        PostUpdated event = TopicProbe.parse(TopicProbe.shared()
                .awaitRecord(Topics.POSTS, r -> postId.equals(r.key())).value(), PostUpdated.class);
        assertThat(event.title()).isEqualTo("On onion services");
        assertThat(event.text()).contains("rendezvous");
        assertThat(event.schemaVersion()).isEqualTo(1);
    }

    @Test
    void commentsOnAClosedPostAreRefusedWith409() {
        String postId = TestEvents.newPostId();
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + API_KEY).body(post(false))
                .put("/api/v1/posts/{id}", postId).then().statusCode(200);

        given().contentType(ContentType.JSON).body(CommentRequests.json(postId, "Ada", "Too late?"))
                .post("/api/v1/comments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://parley.invalid/problems/comments-closed"));
    }

    @Test
    void commentsOnUnregisteredPostsAreAcceptedByDefault() {
        given().contentType(ContentType.JSON).body(CommentRequests.json(TestEvents.newPostId(), "Ada", "Hi"))
                .post("/api/v1/comments").then().statusCode(202);
    }

    @Test
    void invalidPostIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + API_KEY)
                .body("{\"title\": \"\", \"commentsOpen\": true}")
                .put("/api/v1/posts/{id}", TestEvents.newPostId())
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("title"));
    }

    private static String post(boolean open) {
        return """
                {"title": "On onion services", "url": "https://blog.example/onion",
                 "text": "How rendezvous points and introduction points work.", "commentsOpen": %s}"""
                .formatted(open);
    }
}
