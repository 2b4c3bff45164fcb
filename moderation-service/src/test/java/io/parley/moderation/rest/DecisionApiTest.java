package io.parley.moderation.rest;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.domain.ModeratorAudit;
import io.parley.moderation.messaging.PublishedDecisions;
import io.parley.moderation.repository.ModeratorAuditRepository;
import io.parley.moderation.repository.TrainingLabelRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Moderators' decisions end to end: audited, published to the real decisions topic, learned from. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class DecisionApiTest {

    private final PublishedDecisions published = new PublishedDecisions();

    @Inject
    HeldComments held;

    @Inject
    ModeratorAuditRepository audits;

    @Inject
    TrainingLabelRepository labels;

    @Test
    void approvingAHeldCommentPublishesItApprovedWithAHigherVersion() {
        ModeratedComment comment = held.held(TestEvents.newPostId(), "Is this a link? http://example.org/x");

        Moderators.asModerator().contentType("application/json")
                .body(Map.of("action", "approve", "reason", "a fair question"))
                .post("/api/v1/comments/{id}/decision", comment.id)
                .then().statusCode(200)
                .body("from", equalTo("pending")).body("to", equalTo("approved"))
                .body("version", equalTo(2)).body("changed", equalTo(true));

        ModerationDecision decision = published.await(comment.id, 2);
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.version()).isEqualTo(2);
        assertThat(decision.postId()).isEqualTo(comment.postId);
        assertThat(decision.body()).isEqualTo(comment.body);
    }

    @Test
    void everyDecisionWritesAnAuditRowAndATrainingLabel() {
        ModeratedComment comment = held.held(TestEvents.newPostId(), "Held for a human " + UUID.randomUUID());

        Moderators.asModerator().contentType("application/json")
                .body(Map.of("action", "spam", "reason", "selling something"))
                .post("/api/v1/comments/{id}/decision", comment.id).then().statusCode(200);

        List<ModeratorAudit> rows = QuarkusTransaction.requiringNew().call(() -> audits.of(comment.id));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.moderator).isEqualTo(Moderators.MODERATOR);
            assertThat(row.fromOutcome).isEqualTo(Outcome.PENDING);
            assertThat(row.toOutcome).isEqualTo(Outcome.SPAM);
            assertThat(row.reason).isEqualTo("selling something");
            assertThat(row.decisionVersion).isEqualTo(2);
            assertThat(row.modelVersion).as("the model in force").isNotNull().isPositive();
            assertThat(row.decidedAt).isNotNull();
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> labels.count("commentId", comment.id))).isEqualTo(1);
    }

    @Test
    void removingAnApprovedCommentPublishesItRejected() {
        ModeratedComment comment = held.stored(TestEvents.newPostId(), "Shown, then regretted", Outcome.APPROVED,
                null);

        Moderators.asModerator().contentType("application/json").body(Map.of("action", "reject"))
                .post("/api/v1/comments/{id}/decision", comment.id).then().statusCode(200)
                .body("from", equalTo("approved")).body("to", equalTo("rejected"));

        ModerationDecision decision = published.await(comment.id, 2);
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.outcome().isVisible()).isFalse();
    }

    @Test
    void restoreGoesBackToTheEnginesDecision() {
        ModeratedComment comment = held.stored(TestEvents.newPostId(), "The engine said spam", Outcome.SPAM, null);
        Moderators.asModerator().contentType("application/json").body(Map.of("action", "approve"))
                .post("/api/v1/comments/{id}/decision", comment.id).then().statusCode(200);

        Moderators.asModerator().contentType("application/json").body(Map.of("action", "restore"))
                .post("/api/v1/comments/{id}/decision", comment.id).then().statusCode(200)
                .body("from", equalTo("approved")).body("to", equalTo("spam")).body("version", equalTo(3));

        assertThat(published.await(comment.id, 3).outcome()).isEqualTo(Outcome.SPAM);
        Moderators.asModerator().get("/api/v1/comments/{id}", comment.id).then().statusCode(200)
                .body("history.outcome", equalTo(List.of("spam", "approved", "spam")))
                .body("history[2].from", equalTo("approved"))
                .body("history[2].decidedBy", equalTo(Moderators.MODERATOR));
    }

    @Test
    void decidingWhatAlreadyStandsPublishesNothingNew() {
        ModeratedComment comment = held.stored(TestEvents.newPostId(), "Already spam", Outcome.SPAM, null);

        Moderators.asModerator().contentType("application/json").body(Map.of("action", "spam"))
                .post("/api/v1/comments/{id}/decision", comment.id).then().statusCode(200)
                .body("changed", equalTo(false)).body("version", equalTo(1));

        assertThat(QuarkusTransaction.requiringNew().call(() -> audits.of(comment.id))).isEmpty();
    }

    @Test
    void unknownCommentsAndBadActionsAreClearProblems() {
        Moderators.asModerator().contentType("application/json").body(Map.of("action", "approve"))
                .post("/api/v1/comments/{id}/decision", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Moderators.asModerator().contentType("application/json").body(Map.of("action", "delete"))
                .post("/api/v1/comments/{id}/decision", UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("action"));
        Moderators.asModerator().get("/api/v1/comments/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        Moderators.asModerator().contentType("application/json").body("{\"action\": ")
                .post("/api/v1/comments/{id}/decision", UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void bulkDecisionOnIdsDecidesEachAndNamesTheUnknown() {
        String post = TestEvents.newPostId();
        ModeratedComment a = held.held(post, "First of a pair " + UUID.randomUUID());
        ModeratedComment b = held.held(post, "Second of a pair " + UUID.randomUUID());
        UUID unknown = UUID.randomUUID();

        Moderators.asModerator().contentType("application/json")
                .body(Map.of("action", "reject", "reason", "rude", "ids", List.of(a.id, b.id, unknown)))
                .post("/api/v1/decisions").then().statusCode(200)
                .body("decided", equalTo(2))
                .body("results.find { it.commentId == '" + unknown + "' }.error", equalTo("not found"));

        assertThat(published.await(a.id, 2).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(published.await(b.id, 2).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void bulkDecisionOnACampaignDecidesEveryMember() {
        long fingerprint = UUID.randomUUID().getMostSignificantBits();
        List<ModeratedComment> copies = List.of(
                held.stored(TestEvents.newPostId(), "Great post, visit my site", Outcome.PENDING, fingerprint),
                held.stored(TestEvents.newPostId(), "Great post, visit my site!", Outcome.PENDING, fingerprint),
                held.stored(TestEvents.newPostId(), "Great post! visit my site", Outcome.APPROVED, fingerprint));
        String campaign = Moderators.asModerator().get("/api/v1/comments/{id}", copies.get(0).id).then()
                .statusCode(200).body("campaign.comments", equalTo(3)).body("campaign.campaign", equalTo(true))
                .body("nearDuplicates.size()", equalTo(2))
                .extract().path("campaign.id");

        Moderators.asModerator().contentType("application/json")
                .body(Map.of("action", "spam", "campaign", campaign))
                .post("/api/v1/decisions").then().statusCode(200).body("decided", equalTo(3));

        for (ModeratedComment copy : copies) {
            assertThat(published.await(copy.id, 2).outcome()).isEqualTo(Outcome.SPAM);
        }
    }

    @Test
    void bulkDecisionNeedsIdsOrACampaignButNotBoth() {
        Moderators.asModerator().contentType("application/json").body(Map.of("action", "spam"))
                .post("/api/v1/decisions").then().statusCode(400).body("errors.field", hasItem("ids"));
        Moderators.asModerator().contentType("application/json")
                .body(Map.of("action", "spam", "ids", List.of("nope")))
                .post("/api/v1/decisions").then().statusCode(400).contentType("application/problem+json");
    }
}
