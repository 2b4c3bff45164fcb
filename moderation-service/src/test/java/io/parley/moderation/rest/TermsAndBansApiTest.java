package io.parley.moderation.rest;

import io.parley.events.AbuseSignals;
import io.parley.events.CommentAuthor;
import io.parley.events.CommentSubmitted;
import io.parley.events.Outcome;
import io.parley.events.Topics;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.messaging.PublishedDecisions;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
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
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class TermsAndBansApiTest {

    @Inject
    DecisionRecordRepository decisions;

    @Test
    void termsAreAddedNormalizedListedAndRemoved() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        int id = Moderators.asModerator().contentType("application/json")
                .body(Map.of("term", "  Buy " + word.toUpperCase() + " ", "kind", "suspect"))
                .post("/api/v1/terms").then().statusCode(201).body("term", equalTo("buy " + word))
                .extract().path("id");
        Moderators.asModerator().get("/api/v1/terms").then().statusCode(200)
                .body("suspect.term", hasItem("buy " + word)).body("blocked.term", hasItem("payday loan"));

        Moderators.asModerator().contentType("application/json").body(Map.of("term", "buy " + word, "kind", "suspect"))
                .post("/api/v1/terms").then().statusCode(409).contentType("application/problem+json");
        Moderators.asModerator().delete("/api/v1/terms/{id}", id).then().statusCode(204);
        Moderators.asModerator().delete("/api/v1/terms/{id}", id).then().statusCode(404);
        Moderators.asModerator().get("/api/v1/terms").then().body("suspect.term", not(hasItem("buy " + word)));
    }

    @Test
    void badTermsAreProblemsNamingTheField() {
        Moderators.asModerator().contentType("application/json").body(Map.of("term", "x", "kind", "forbidden"))
                .post("/api/v1/terms").then().statusCode(400).body("errors.field", hasItem("kind"));
        Moderators.asModerator().contentType("application/json").body(Map.of("term", "!!!", "kind", "blocked"))
                .post("/api/v1/terms").then().statusCode(400).body("errors.field", hasItem("term"));
    }

    @Test
    void aBannedAuthorsNewCommentsAreSpamUntilTheBanIsLifted() {
        String authorKey = "banned-author-" + UUID.randomUUID();
        int banId = Moderators.asModerator().contentType("application/json")
                .body(Map.of("kind", "author", "value", authorKey, "hours", 24, "reason", "flooding"))
                .post("/api/v1/bans").then().statusCode(201).body("createdBy", equalTo(Moderators.MODERATOR))
                .extract().path("id");
        Moderators.asModerator().get("/api/v1/bans").then().statusCode(200).body("value", hasItem(authorKey));

        CommentSubmitted event = CommentSubmitted.of(UUID.randomUUID(), TestEvents.newPostId(), null,
                new CommentAuthor("Mallory", null, null), "A perfectly polite comment.", TestEvents.now(),
                authorKey, AbuseSignals.none());
        TopicProbe.shared().sendJson(Topics.COMMENTS, event.postId(), event);

        assertThat(new PublishedDecisions().await(event.commentId(), 1).outcome()).isEqualTo(Outcome.SPAM);
        List<DecisionRecord> history = QuarkusTransaction.requiringNew().call(() -> decisions.history(event.commentId()));
        assertThat(history).singleElement().satisfies(d -> {
            assertThat(d.rules).contains("banned");
            assertThat(d.reasons).anyMatch(r -> r.startsWith("author banned until"));
        });

        Moderators.asModerator().delete("/api/v1/bans/{id}", banId).then().statusCode(204);
        Moderators.asModerator().get("/api/v1/bans").then().body("value", not(hasItem(authorKey)));
    }

    @Test
    void aBannedFingerprintMakesSpamToo() {
        String fingerprint = "fp-" + UUID.randomUUID();
        Moderators.asModerator().contentType("application/json")
                .body(Map.of("kind", "fingerprint", "value", fingerprint, "hours", 1))
                .post("/api/v1/bans").then().statusCode(201);
        CommentSubmitted event = CommentSubmitted.of(UUID.randomUUID(), TestEvents.newPostId(), null,
                new CommentAuthor("Eve", null, null), "Thanks, very helpful.", TestEvents.now(), null,
                new AbuseSignals(false, 20_000L, 14, 14, fingerprint, false));
        TopicProbe.shared().sendJson(Topics.COMMENTS, event.postId(), event);

        assertThat(new PublishedDecisions().await(event.commentId(), 1).outcome()).isEqualTo(Outcome.SPAM);
    }

    @Test
    void badBansAreProblemsNamingTheField() {
        Moderators.asModerator().contentType("application/json")
                .body(Map.of("kind", "ip", "value", "1.2.3.4.5.6.7.8", "hours", 1))
                .post("/api/v1/bans").then().statusCode(400).body("errors.field", hasItem("kind"));
        Moderators.asModerator().contentType("application/json")
                .body(Map.of("kind", "author", "value", "author-key-123", "hours", 0))
                .post("/api/v1/bans").then().statusCode(400).body("errors.field", hasItem("hours"));
        Moderators.asModerator().delete("/api/v1/bans/{id}", 987654321).then().statusCode(404);
    }
}
