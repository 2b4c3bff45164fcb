package io.parley.ingest.rest;

import io.parley.events.CommentSubmitted;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FormSubmissionTest {

    @Test
    void validFormRedirectsBackToTheBlogWithAMarker() {
        String postId = TestEvents.newPostId();
        ExtractableResponse<Response> response = form(postId, "A comment without JavaScript.")
                .formParam("returnTo", "https://blog.example/2026/hello?ref=x")
                .post("/api/v1/comments").then().statusCode(303).extract();

        URI location = URI.create(response.header("Location"));
        assertThat(location.getHost()).isEqualTo("blog.example");
        assertThat(location.getPath()).isEqualTo("/2026/hello");
        assertThat(location.getQuery()).startsWith("ref=x&parley=received&parley-comment=");
        assertThat(location.getFragment()).isEqualTo("parley-comments");
        UUID id = UUID.fromString(location.getQuery().replaceAll(".*parley-comment=", ""));
        CommentSubmitted event = IngestEvents.awaitEvent(postId, CommentSubmitted.class, id);
        assertThat(event.signals().viaForm()).isTrue();
        assertThat(event.body()).isEqualTo("A comment without JavaScript.");
    }

    @Test
    void returnToAnotherOriginIsNeverARedirect() {
        form(TestEvents.newPostId(), "Trying an open redirect.")
                .formParam("returnTo", "https://evil.example/phish")
                .post("/api/v1/comments")
                .then().statusCode(200).contentType("text/html")
                .header("Location", nullValue())
                .body(containsString("was received"))
                .body(not(containsString("evil.example")));
    }

    @Test
    void lookalikeOriginsAreNotAllowed() {
        for (String returnTo : new String[]{"https://blog.example.evil.example/", "https://evil.example@blog.example/",
                "javascript:alert(1)", "//blog.example/x", "http://blog.example/"}) {
            form(TestEvents.newPostId(), "lookalike").formParam("returnTo", returnTo)
                    .post("/api/v1/comments").then().statusCode(200).header("Location", nullValue());
        }
    }

    @Test
    void invalidFormGetsAPlainPageSayingWhatToFix() {
        given().formParam("postId", TestEvents.newPostId()).formParam("name", "").formParam("body", " ")
                .formParam("returnTo", "https://blog.example/post")
                .post("/api/v1/comments")
                .then().statusCode(400).contentType("text/html")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("Name:"))
                .body(containsString("Comment:"))
                .body(containsString("href=\"https://blog.example/post\""));
    }

    @Test
    void filledHoneypotIsAcceptedButReportedToModeration() {
        String postId = TestEvents.newPostId();
        String location = form(postId, "I am surely human.").formParam("website", "http://spam.example")
                .formParam("returnTo", "https://blog.example/post")
                .post("/api/v1/comments").then().statusCode(303).extract().header("Location");
        UUID id = UUID.fromString(URI.create(location).getQuery().replaceAll(".*parley-comment=", ""));
        assertThat(IngestEvents.awaitEvent(postId, CommentSubmitted.class, id).signals().honeypotFilled()).isTrue();
    }

    /** As a browser sends a form: every field present, the optional ones empty. */
    private static RequestSpecification form(String postId, String body) {
        return given().redirects().follow(false)
                .formParam("postId", postId).formParam("parentId", "").formParam("name", "Reader")
                .formParam("email", "").formParam("url", "").formParam("body", body);
    }
}
