package io.parley.moderation.rest;

import io.parley.events.Outcome;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class QueueApiTest {

    @Inject
    HeldComments held;

    @Test
    void pendingQueueIsOldestFirstAndPagesWithACursor() {
        String post = TestEvents.newPostId();
        ModeratedComment first = held.held(post, "one");
        ModeratedComment second = held.held(post, "two");
        ModeratedComment third = held.held(post, "three");
        held.stored(post, "approved, not queued", Outcome.APPROVED, null);

        JsonPath page1 = Moderators.asModerator().queryParam("postId", post).queryParam("limit", 2)
                .get("/api/v1/queue").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.id")).containsExactly(first.id.toString(), second.id.toString());
        assertThat(page1.getString("nextCursor")).isNotBlank();

        Moderators.asModerator().queryParam("postId", post).queryParam("limit", 2)
                .queryParam("cursor", page1.getString("nextCursor"))
                .get("/api/v1/queue").then().statusCode(200)
                .body("items.id", equalTo(List.of(third.id.toString()))).body("nextCursor", nullValue());
    }

    @Test
    void queueFiltersByStatusRuleAndCampaign() {
        String post = TestEvents.newPostId();
        ModeratedComment spam = held.stored(post, "spam here", Outcome.SPAM, null);
        long fingerprint = UUID.randomUUID().getMostSignificantBits();
        ModeratedComment copy = held.stored(TestEvents.newPostId(), "copied text", Outcome.PENDING, fingerprint);
        held.stored(TestEvents.newPostId(), "copied text", Outcome.PENDING, fingerprint);

        Moderators.asModerator().queryParam("postId", post).queryParam("status", "spam").get("/api/v1/queue")
                .then().statusCode(200).body("items.id", equalTo(List.of(spam.id.toString())))
                .body("items[0].judgement.rules", hasItem("links"))
                .body("items[0].judgement.modelVersion", equalTo(1));
        Moderators.asModerator().queryParam("postId", post).queryParam("status", "spam").queryParam("label", "links")
                .get("/api/v1/queue").then().statusCode(200).body("items.size()", equalTo(1));
        Moderators.asModerator().queryParam("postId", post).queryParam("status", "spam")
                .queryParam("label", "campaign").get("/api/v1/queue").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String campaign = Moderators.asModerator().get("/api/v1/comments/{id}", copy.id).then().extract()
                .path("campaign.id");
        Moderators.asModerator().queryParam("campaign", campaign).get("/api/v1/queue").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].campaignId", equalTo(campaign));
    }

    @Test
    void badQueueParametersAreProblemsNamingTheField() {
        Moderators.asModerator().queryParam("status", "everything").get("/api/v1/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        Moderators.asModerator().queryParam("limit", 1000).get("/api/v1/queue").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        Moderators.asModerator().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/api/v1/queue").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void commentDetailExplainsTheDecision() {
        ModeratedComment comment = held.held(TestEvents.newPostId(), "Why was I held? http://spam.example");

        Moderators.asModerator().get("/api/v1/comments/{id}", comment.id).then().statusCode(200)
                .body("body", equalTo(comment.body))
                .body("author.name", equalTo("Ada")).body("author.email", equalTo("ada@example.org"))
                .body("author.authorKey", equalTo(comment.authorKey))
                .body("author.clientFingerprint", equalTo(comment.signals.clientFingerprint()))
                .body("post.id", equalTo(comment.postId))
                .body("outcome", equalTo("pending"))
                .body("judgement.scores.spam", equalTo(0.6f))
                .body("judgement.reasons", hasItem("1 link(s) to spam.example"))
                .body("judgement.modelVersion", equalTo(1))
                .body("history.size()", equalTo(1)).body("history[0].decidedBy", equalTo("auto"))
                .body("campaign", nullValue()).body("nearDuplicates.size()", equalTo(0));
    }

    @Test
    void statsCountVolumesQueueAgeAndOverturnedDecisions() {
        ModeratedComment automatic = held.stored(TestEvents.newPostId(), "wrongly spam", Outcome.SPAM, null);
        Moderators.asModerator().contentType("application/json").body(Map.of("action", "approve"))
                .post("/api/v1/comments/{id}/decision", automatic.id).then().statusCode(200);
        held.held(TestEvents.newPostId(), "waiting");

        Moderators.asModerator().queryParam("days", 1).get("/api/v1/stats").then().statusCode(200)
                .body("volumesByOutcome.approved", greaterThanOrEqualTo(1))
                .body("volumesByOutcome.pending", greaterThanOrEqualTo(1))
                .body("queue.pending", greaterThanOrEqualTo(1))
                .body("queue.oldestSubmittedAt", notNullValue())
                .body("moderators.decisions", greaterThanOrEqualTo(1))
                .body("moderators.overturned", greaterThanOrEqualTo(1));
        Moderators.asModerator().queryParam("days", 0).get("/api/v1/stats").then().statusCode(400);
    }
}
