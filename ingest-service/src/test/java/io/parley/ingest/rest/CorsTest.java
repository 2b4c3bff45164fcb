package io.parley.ingest.rest;

import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class CorsTest {

    @Test
    void theBlogsPagesMayPostJsonCrossOrigin() {
        given().header("Origin", "https://blog.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .options("/api/v1/comments")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://blog.example"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://blog.example").contentType(ContentType.JSON)
                .body(CommentRequests.json(TestEvents.newPostId(), "Ada", "From the widget"))
                .post("/api/v1/comments")
                .then().statusCode(202).header("Access-Control-Allow-Origin", equalTo("https://blog.example"));
    }

    @Test
    void otherOriginsGetNoCorsGrant() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/comments")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theFragmentsFormPostsWithOriginNull() {
        given().redirects().follow(false).header("Origin", "null")
                .formParam("postId", TestEvents.newPostId()).formParam("name", "Reader")
                .formParam("body", "Posted from the no-JavaScript fragment")
                .formParam("returnTo", "https://blog.example/post")
                .post("/api/v1/comments")
                .then().statusCode(303);
    }
}
