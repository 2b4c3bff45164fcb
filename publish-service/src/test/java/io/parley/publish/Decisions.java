package io.parley.publish;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.PublicAuthor;
import io.parley.events.Topics;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Plays moderation's part: writes decisions to the real topic, then waits for the read API to show them. */
public final class Decisions {

    private final TopicProbe topics = TopicProbe.shared();
    private final String postId;

    public Decisions(String postId) {
        this.postId = postId;
    }

    public static Decisions forNewPost() {
        return new Decisions(TestEvents.newPostId());
    }

    public String postId() {
        return postId;
    }

    public ModerationDecision approve(UUID parentId, String body) {
        return send(UUID.randomUUID(), parentId, 1, Outcome.APPROVED, body);
    }

    public ModerationDecision send(UUID id, UUID parentId, long version, Outcome outcome, String body) {
        ModerationDecision decision = TestEvents.decision(postId, id, parentId, version, outcome, body);
        topics.sendJson(Topics.DECISIONS, postId, decision);
        return decision;
    }

    public ModerationDecision send(UUID id, UUID parentId, long version, Outcome outcome, PublicAuthor author,
                                   String body) {
        ModerationDecision decision = ModerationDecision.of(id, version, postId, parentId, outcome, author, body,
                TestEvents.now(), TestEvents.now());
        topics.sendJson(Topics.DECISIONS, postId, decision);
        return decision;
    }

    /** Waits until the thread (first page, default order) counts {@code count} comments. */
    public ValidatableResponse awaitCount(int count) {
        return awaitThread(response -> response.extract().<Integer>path("count") == count)
                .body("count", equalTo(count));
    }

    public ValidatableResponse awaitThread(Predicate<ValidatableResponse> done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> done.test(thread()));
        return thread();
    }

    public ValidatableResponse thread() {
        return given().get("/api/v1/posts/{postId}/comments", postId).then().statusCode(200);
    }
}
