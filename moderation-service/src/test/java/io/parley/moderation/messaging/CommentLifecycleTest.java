package io.parley.moderation.messaging;

import io.parley.events.AbuseSignals;
import io.parley.events.CommentAuthor;
import io.parley.events.CommentEdited;
import io.parley.events.CommentSubmitted;
import io.parley.events.CommentWithdrawn;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.Topics;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.repository.ClassifierModelRepository;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class CommentLifecycleTest {

    private final TopicProbe topics = TopicProbe.shared();
    private final PublishedDecisions published = new PublishedDecisions();

    @Inject
    DecisionRecordRepository decisions;

    @Inject
    ModeratedCommentRepository comments;

    @Inject
    ClassifierModelRepository models;

    @Test
    void editIsModeratedAgainAndPublishedAsANewerDecision() {
        CommentSubmitted submitted = TestEvents.submitted(TestEvents.newPostId(),
                "Thanks, the section on DNS leaks was really clear.");
        topics.sendJson(Topics.COMMENTS, submitted.postId(), submitted);
        assertThat(published.await(submitted.commentId(), 1).outcome()).isEqualTo(Outcome.APPROVED);

        CommentEdited edited = CommentEdited.of(submitted.commentId(), 2, submitted.postId(),
                "Great post! wholesale jerseys from china, cheap nfl jerseys at jerseys-outlet.example", TestEvents.now());
        topics.sendJson(Topics.COMMENTS, edited.postId(), edited);

        ModerationDecision decision = published.await(submitted.commentId(), 2);
        assertThat(decision.version()).isEqualTo(2);
        assertThat(decision.outcome()).isEqualTo(Outcome.SPAM);
        assertThat(decision.body()).isEqualTo(edited.body());
        assertThat(history(submitted.commentId())).extracting(d -> d.version, d -> d.outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, Outcome.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(2L, Outcome.SPAM));
    }

    @Test
    void withdrawalPublishesWithdrawnAndLaterEditsChangeNothing() {
        CommentSubmitted submitted = TestEvents.submitted(TestEvents.newPostId(), "I will take this back in a minute.");
        topics.sendJson(Topics.COMMENTS, submitted.postId(), submitted);
        published.await(submitted.commentId(), 1);

        topics.sendJson(Topics.COMMENTS, submitted.postId(),
                CommentWithdrawn.of(submitted.commentId(), 2, submitted.postId(), TestEvents.now()));
        ModerationDecision withdrawn = published.await(submitted.commentId(), 2);
        assertThat(withdrawn.outcome()).isEqualTo(Outcome.WITHDRAWN);
        assertThat(withdrawn.outcome().isVisible()).isFalse();

        CommentEdited lateEdit = CommentEdited.of(submitted.commentId(), 3, submitted.postId(), "changed my mind",
                TestEvents.now());
        topics.sendJson(Topics.COMMENTS, submitted.postId(), lateEdit);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventVersion(submitted.commentId()) == 3);
        assertThat(history(submitted.commentId())).hasSize(2).last()
                .satisfies(d -> assertThat(d.decidedBy).isEqualTo(DecisionRecord.COMMENTER));
        assertThat(published.of(submitted.commentId())).extracting(ModerationDecision::version).allMatch(v -> v <= 2);
    }

    @Test
    void decisionRecordKeepsScoresReasonsRulesAndModelVersion() {
        CommentSubmitted event = CommentSubmitted.of(UUID.randomUUID(), TestEvents.newPostId(), null,
                new CommentAuthor("Best Payday Loans Online", null, "https://quick-cash-loans.example"),
                "Very informative post. Need cash fast? Visit https://quick-cash.example for loans today.",
                TestEvents.now(), "author-key-" + UUID.randomUUID(), AbuseSignals.none());
        topics.sendJson(Topics.COMMENTS, event.postId(), event);
        published.await(event.commentId(), 1);

        int modelVersion = QuarkusTransaction.requiringNew().call(() -> models.currentVersion().orElseThrow());
        assertThat(history(event.commentId())).singleElement().satisfies(d -> {
            assertThat(d.decidedBy).isEqualTo(DecisionRecord.AUTOMATIC);
            assertThat(d.scores).containsKeys("spam", "spamModel", "offensive");
            assertThat(d.scores.get("spam")).isBetween(0.0, 1.0);
            assertThat(d.rules).contains("links", "author-name-keywords", "author-url-commercial",
                    "first-time-author");
            assertThat(d.reasons).anyMatch(r -> r.contains("quick-cash.example"));
            assertThat(d.modelVersion).isEqualTo(modelVersion);
            assertThat(d.outcome).isIn(Outcome.SPAM, Outcome.PENDING);
        });
    }

    @Test
    void filledHoneypotIsSpamWhateverTheText() {
        CommentSubmitted valid = TestEvents.submitted(TestEvents.newPostId(), "Lovely article, thank you.");
        CommentSubmitted robot = CommentSubmitted.of(valid.commentId(), valid.postId(), null, valid.author(),
                valid.body(), valid.occurredAt(), valid.authorKey(), new AbuseSignals(true, 12_000L, 0, 0, null, true));
        topics.sendJson(Topics.COMMENTS, robot.postId(), robot);

        assertThat(published.await(robot.commentId(), 1).outcome()).isEqualTo(Outcome.SPAM);
        assertThat(history(robot.commentId())).singleElement()
                .satisfies(d -> assertThat(d.rules).contains("honeypot-filled"));
    }

    @Test
    void sameTextOnSeveralPostsFormsOneCampaign() {
        String text = "Hello friends, I found an amazing way to earn from home, details on my profile page now "
                + UUID.randomUUID().toString().substring(0, 4);
        List<CommentSubmitted> copies = List.of(
                TestEvents.submitted(TestEvents.newPostId(), text),
                TestEvents.submitted(TestEvents.newPostId(), text + "!"),
                TestEvents.submitted(TestEvents.newPostId(), text.toUpperCase()));
        for (CommentSubmitted copy : copies) {
            topics.sendJson(Topics.COMMENTS, copy.postId(), copy);
            published.await(copy.commentId(), 1);
        }
        DecisionRecord third = history(copies.get(2).commentId()).get(0);
        assertThat(third.rules).contains("campaign");
        assertThat(third.reasons).anyMatch(r -> r.contains("on 3 posts"));
    }

    @Test
    void editOfUnknownCommentIsDeadLettered() {
        CommentEdited orphan = CommentEdited.of(UUID.randomUUID(), 2, TestEvents.newPostId(), "edit", TestEvents.now());
        topics.sendJson(Topics.COMMENTS, orphan.postId(), orphan);

        var dead = topics.awaitRecord(Topics.COMMENTS_DEAD_LETTER, r -> orphan.postId().equals(r.key()));
        assertThat(new String(dead.headers().lastHeader(io.parley.support.messaging.DeadLetters.REASON_HEADER).value(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("unknown comment");
    }

    private List<DecisionRecord> history(UUID commentId) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.history(commentId));
    }

    private long eventVersion(UUID commentId) {
        return QuarkusTransaction.requiringNew().call(() -> comments.findById(commentId).eventVersion);
    }
}
