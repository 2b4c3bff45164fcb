package io.parley.publish.rest;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.Topics;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ThreadResourceTest {

    private final TopicProbe topics = TopicProbe.shared();

    @Test
    void approvedCommentAppearsRenderedInItsThread() {
        String postId = TestEvents.newPostId();
        ModerationDecision approved = send(postId, UUID.randomUUID(), null, 1, Outcome.APPROVED, "Hello *world*");

        awaitCount(postId, 1)
                .body("postId", equalTo(postId))
                .body("comments[0].id", equalTo(approved.commentId().toString()))
                .body("comments[0].parentId", nullValue())
                .body("comments[0].author.name", equalTo("Ada"))
                .body("comments[0].author.url", equalTo("https://ada.example"))
                .body("comments[0].html", equalTo("<p>Hello <em>world</em></p>"))
                .body("comments[0].createdAt", equalTo(approved.submittedAt().toString()))
                .body("comments[0].replies", empty());
    }

    @Test
    void heldCommentIsNotShown() {
        String postId = TestEvents.newPostId();
        send(postId, UUID.randomUUID(), null, 1, Outcome.PENDING, "held");
        ModerationDecision marker = send(postId, UUID.randomUUID(), null, 1, Outcome.APPROVED, "shown");

        awaitCount(postId, 1).body("comments.id", contains(marker.commentId().toString()));
    }

    @Test
    void laterRejectionTakesAPublishedCommentDown() {
        String postId = TestEvents.newPostId();
        UUID id = UUID.randomUUID();
        send(postId, id, null, 1, Outcome.APPROVED, "fine at first");
        awaitCount(postId, 1);

        send(postId, id, null, 2, Outcome.REJECTED, "fine at first");
        awaitCount(postId, 0).body("comments", empty());
    }

    @Test
    void staleDecisionArrivingLateIsIgnored() {
        String postId = TestEvents.newPostId();
        UUID id = UUID.randomUUID();
        send(postId, id, null, 2, Outcome.SPAM, "spam");
        send(postId, id, null, 1, Outcome.APPROVED, "spam");
        ModerationDecision marker = send(postId, UUID.randomUUID(), null, 1, Outcome.APPROVED, "after");

        awaitCount(postId, 1).body("comments.id", contains(marker.commentId().toString()));
    }

    @Test
    void replyIsNestedUnderItsParentAndCounted() {
        String postId = TestEvents.newPostId();
        ModerationDecision parent = send(postId, UUID.randomUUID(), null, 1, Outcome.APPROVED, "parent");
        ModerationDecision reply = send(postId, UUID.randomUUID(), parent.commentId(), 1, Outcome.APPROVED, "reply");

        awaitCount(postId, 2)
                .body("comments.id", contains(parent.commentId().toString()))
                .body("comments[0].replies.id", contains(reply.commentId().toString()))
                .body("comments[0].replies[0].parentId", equalTo(parent.commentId().toString()));
    }

    @Test
    void unknownPostHasAnEmptyThread() {
        given().get("/api/v1/posts/{postId}/comments", TestEvents.newPostId())
                .then().statusCode(200)
                .body("count", equalTo(0))
                .body("comments", empty());
    }

    @Test
    void malformedDecisionIsDeadLetteredAndConsumptionContinues() {
        String postId = TestEvents.newPostId();
        topics.send(Topics.DECISIONS, postId, "[]".getBytes());
        ModerationDecision after = send(postId, UUID.randomUUID(), null, 1, Outcome.APPROVED, "after poison");

        topics.awaitRecord(Topics.DECISIONS_DEAD_LETTER, r -> postId.equals(r.key()));
        awaitCount(postId, 1).body("comments.id", contains(after.commentId().toString()));
    }

    private ModerationDecision send(String postId, UUID id, UUID parentId, long version, Outcome outcome, String body) {
        ModerationDecision decision = TestEvents.decision(postId, id, parentId, version, outcome, body);
        topics.sendJson(Topics.DECISIONS, postId, decision);
        return decision;
    }

    private ValidatableResponse awaitCount(String postId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/v1/posts/{postId}/comments", postId).then().extract().<Integer>path("count") == count);
        return given().get("/api/v1/posts/{postId}/comments", postId).then().statusCode(200).body("count", equalTo(count));
    }
}
