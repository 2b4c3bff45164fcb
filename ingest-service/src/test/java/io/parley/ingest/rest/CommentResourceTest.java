package io.parley.ingest.rest;

import io.parley.events.CommentEvent;
import io.parley.events.CommentSubmitted;
import io.parley.events.Topics;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class CommentResourceTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final TopicProbe topics = TopicProbe.shared();

    @Test
    void acceptedCommentIsOnTheCommentsTopicKeyedByPostId() {
        String postId = "post-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "%s", "parentId": null,
                         "author": {"name": "  Ada  ", "email": "ada@example.org", "url": "https://ada.example"},
                         "body": "  First!  "}""".formatted(postId))
                .post("/api/v1/comments")
                .then().statusCode(202)
                .body("postId", equalTo(postId))
                .body("status", equalTo("received"))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("editToken", startsWith("v1."))
                .extract().path("id");

        ConsumerRecord<String, byte[]> record = topics.awaitRecord(Topics.COMMENTS, r -> postId.equals(r.key()));
        CommentEvent event = TopicProbe.parse(record.value(), CommentEvent.class);
        assertThat(event).isInstanceOf(CommentSubmitted.class);
        CommentSubmitted submitted = (CommentSubmitted) event;
        assertThat(submitted.commentId()).isEqualTo(UUID.fromString(id));
        assertThat(submitted.schemaVersion()).isEqualTo(1);
        assertThat(submitted.version()).isEqualTo(1);
        assertThat(submitted.author().name()).isEqualTo("Ada");
        assertThat(submitted.author().email()).isEqualTo("ada@example.org");
        assertThat(submitted.body()).isEqualTo("First!");
        assertThat(submitted.occurredAt()).isNotNull();
        assertThat(new String(record.value())).contains("\"type\":\"comment.submitted\"");
    }

    @Test
    void blankBodyIsRefusedWithAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "p1", "author": {"name": "Ada"}, "body": "   "}""")
                .post("/api/v1/comments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("body"))
                .body(not(containsString("Exception")));
    }

    @Test
    void missingAuthorNameIsRefusedNamingTheNestedField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "p1", "author": {"name": ""}, "body": "hello"}""")
                .post("/api/v1/comments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("author.name"));
    }

    @Test
    void postIdWithASlashIsRefused() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "a/b", "author": {"name": "Ada"}, "body": "hello"}""")
                .post("/api/v1/comments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("postId"));
    }

    @Test
    void malformedJsonIsA400ProblemWithoutInternals() {
        given().contentType(ContentType.JSON)
                .body("{\"postId\": ")
                .post("/api/v1/comments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body(not(containsString("jackson")));
    }

    @Test
    void parentIdThatIsNotACommentIdIsRefused() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "p1", "parentId": "not-a-uuid", "author": {"name": "Ada"}, "body": "hello"}""")
                .post("/api/v1/comments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("parentId"));
    }

    @Test
    void bodyLongerThanTheLimitAfterTrimmingIsRefused() {
        String longBody = "x".repeat(10_001);
        given().contentType(ContentType.JSON)
                .body(CommentRequests.json("p1", "Ada", longBody))
                .post("/api/v1/comments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        given().contentType(ContentType.JSON)
                .body(CommentRequests.json("p1", "Ada", "   " + "x".repeat(10_000) + "   "))
                .post("/api/v1/comments")
                .then().statusCode(202);
    }

    @Test
    void controlCharactersInTheBodyAreRefused() {
        given().contentType(ContentType.JSON)
                .body(CommentRequests.json("p1", "Ada", "hello\u0000world"))
                .post("/api/v1/comments")
                .then().statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void emptyOptionalFieldsCountAsAbsent() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "p1", "parentId": "", "author": {"name": "Ada", "email": "", "url": " "}, "body": "hi"}""")
                .post("/api/v1/comments")
                .then().statusCode(202);
    }

    @Test
    void invalidEmailAndNonHttpUrlAreRefusedTogether() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "p1", "author": {"name": "Ada", "email": "not-an-address", "url": "javascript:alert(1)"},
                         "body": "hello"}""")
                .post("/api/v1/comments")
                .then().statusCode(400)
                .body("errors.field", hasItems("author.email", "author.url"));
    }

    @Test
    void requestOver64KilobytesIsA413Problem() {
        given().contentType(ContentType.JSON)
                .body(CommentRequests.json("p1", "Ada", "y".repeat(70_000)))
                .post("/api/v1/comments")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        given().contentType("text/plain").body("hello")
                .post("/api/v1/comments")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void invalidUtf8IsA400Problem() {
        byte[] body = {'{', '"', 'p', 'o', 's', 't', 'I', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/comments")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongJsonTypeIsA400Problem() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"postId": "p1", "author": "Ada", "body": "hello"}""")
                .post("/api/v1/comments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }
}
