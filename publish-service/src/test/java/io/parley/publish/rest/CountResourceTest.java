package io.parley.publish.rest;

import io.parley.publish.Decisions;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class CountResourceTest {

    @Test
    void countsPublishedCommentsPerPostAndZeroForUnknownPosts() {
        Decisions busy = Decisions.forNewPost();
        UUID parent = busy.approve(null, "one").commentId();
        busy.approve(parent, "two");
        busy.send(UUID.randomUUID(), null, 1, io.parley.events.Outcome.PENDING, "held, not counted");
        busy.approve(null, "three");
        busy.awaitCount(3);
        String quiet = TestEvents.newPostId();

        given().queryParam("postId", busy.postId(), quiet).get("/api/v1/counts")
                .then().statusCode(200)
                .body("counts.size()", equalTo(2))
                .body("counts.'" + busy.postId() + "'", equalTo(3))
                .body("counts.'" + quiet + "'", equalTo(0));
    }

    @Test
    void oneHundredPostsAreFineButMoreIsAProblem() {
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            posts.add("post-" + i);
        }
        given().queryParam("postId", posts).get("/api/v1/counts")
                .then().statusCode(200).body("counts.size()", equalTo(100));

        posts.add("post-100");
        given().queryParam("postId", posts).get("/api/v1/counts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("postId"));
    }

    @Test
    void noPostIsAProblem() {
        given().get("/api/v1/counts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("postId"));
    }

    @Test
    void invalidPostIdIsAProblem() {
        given().queryParam("postId", "ok", "not ok").get("/api/v1/counts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("postId"));
    }
}
