package io.parley.publish.rest;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.PublicAuthor;
import io.parley.events.Topics;
import io.parley.publish.Decisions;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ThreadResourceTest {

    private final Decisions decisions = Decisions.forNewPost();

    @Test
    void approvedCommentAppearsRenderedInItsThread() {
        ModerationDecision approved = decisions.approve(null, "Hello *world*");

        decisions.awaitCount(1)
                .body("postId", equalTo(decisions.postId()))
                .body("sort", equalTo("oldest"))
                .body("nextCursor", nullValue())
                .body("comments[0].id", equalTo(approved.commentId().toString()))
                .body("comments[0].parentId", nullValue())
                .body("comments[0].removed", equalTo(false))
                .body("comments[0].author.name", equalTo("Ada"))
                .body("comments[0].author.url", equalTo("https://ada.example"))
                .body("comments[0].html", equalTo("<p>Hello <em>world</em></p>"))
                .body("comments[0].createdAt", equalTo(approved.submittedAt().toString()))
                .body("comments[0].editedAt", nullValue())
                .body("comments[0].replies", empty());
    }

    @Test
    void heldCommentIsNotShown() {
        decisions.send(UUID.randomUUID(), null, 1, Outcome.PENDING, "held");
        ModerationDecision marker = decisions.approve(null, "shown");

        decisions.awaitCount(1).body("comments.id", contains(marker.commentId().toString()));
    }

    @Test
    void laterRejectionTakesAPublishedCommentDown() {
        UUID id = UUID.randomUUID();
        decisions.send(id, null, 1, Outcome.APPROVED, "fine at first");
        decisions.awaitCount(1);

        decisions.send(id, null, 2, Outcome.REJECTED, "fine at first");
        decisions.awaitCount(0).body("comments", empty());
    }

    @Test
    void withdrawnCommentDisappears() {
        UUID id = UUID.randomUUID();
        decisions.send(id, null, 1, Outcome.APPROVED, "I regret this");
        ModerationDecision kept = decisions.approve(null, "staying");
        decisions.awaitCount(2);

        decisions.send(id, null, 2, Outcome.WITHDRAWN, "I regret this");
        decisions.awaitCount(1).body("comments.id", contains(kept.commentId().toString()));
    }

    @Test
    void staleDecisionArrivingLateIsIgnored() {
        UUID id = UUID.randomUUID();
        decisions.send(id, null, 2, Outcome.SPAM, "spam");
        decisions.send(id, null, 1, Outcome.APPROVED, "spam");
        ModerationDecision marker = decisions.approve(null, "after");

        decisions.awaitCount(1).body("comments.id", contains(marker.commentId().toString()));
    }

    @Test
    void redeliveredDecisionDoesNotDuplicate() {
        UUID id = UUID.randomUUID();
        decisions.send(id, null, 1, Outcome.APPROVED, "once");
        decisions.send(id, null, 1, Outcome.APPROVED, "once");
        ModerationDecision marker = decisions.approve(null, "marker");

        decisions.awaitCount(2).body("comments.id", contains(id.toString(), marker.commentId().toString()));
    }

    @Test
    void editReplacesTheHtmlAndIsMarked() {
        UUID id = UUID.randomUUID();
        decisions.send(id, null, 1, Outcome.APPROVED, "first *draft*");
        decisions.awaitCount(1).body("comments[0].html", equalTo("<p>first <em>draft</em></p>"));

        decisions.send(id, null, 2, Outcome.APPROVED, "second **thought**");
        decisions.awaitThread(r -> "<p>second <strong>thought</strong></p>".equals(r.extract().path("comments[0].html")))
                .body("count", equalTo(1))
                .body("comments[0].editedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void editHeldForReviewThenApprovedShowsTheNewText() {
        UUID id = UUID.randomUUID();
        decisions.send(id, null, 1, Outcome.APPROVED, "original");
        decisions.awaitCount(1);
        decisions.send(id, null, 2, Outcome.PENDING, "edited");
        decisions.awaitCount(0);

        decisions.send(id, null, 3, Outcome.APPROVED, "edited");
        decisions.awaitCount(1)
                .body("comments[0].html", equalTo("<p>edited</p>"))
                .body("comments[0].editedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void reApprovalWithTheSameTextIsNotAnEdit() {
        UUID id = UUID.randomUUID();
        decisions.send(id, null, 1, Outcome.APPROVED, "same words");
        decisions.awaitCount(1);
        decisions.send(id, null, 2, Outcome.PENDING, "same words");
        decisions.awaitCount(0);

        decisions.send(id, null, 3, Outcome.APPROVED, "same words");
        decisions.awaitCount(1).body("comments[0].editedAt", nullValue());
    }

    @Test
    void authorUrlThatIsNotHttpIsDropped() {
        decisions.send(UUID.randomUUID(), null, 1, Outcome.APPROVED,
                new PublicAuthor("Mallory", "javascript:alert(1)"), "hi");

        decisions.awaitCount(1)
                .body("comments[0].author.name", equalTo("Mallory"))
                .body("comments[0].author.url", nullValue());
    }

    @Test
    void unknownPostHasAnEmptyThread() {
        given().get("/api/v1/posts/{postId}/comments", TestEvents.newPostId())
                .then().statusCode(200)
                .body("count", equalTo(0))
                .body("comments", empty());
    }

    @Test
    void invalidPostIdIsAProblemNamingIt() {
        given().get("/api/v1/posts/{postId}/comments", "a b")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("postId"));
    }

    @Test
    void malformedDecisionIsDeadLetteredAndConsumptionContinues() {
        TopicProbe topics = TopicProbe.shared();
        topics.send(Topics.DECISIONS, decisions.postId(), "[]".getBytes());
        ModerationDecision after = decisions.approve(null, "after poison");

        topics.awaitRecord(Topics.DECISIONS_DEAD_LETTER, r -> decisions.postId().equals(r.key()));
        decisions.awaitCount(1).body("comments.id", contains(after.commentId().toString()));
    }
}
