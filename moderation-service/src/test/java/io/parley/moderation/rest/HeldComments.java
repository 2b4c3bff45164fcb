package io.parley.moderation.rest;

import io.parley.events.AbuseSignals;
import io.parley.events.CommentAuthor;
import io.parley.events.CommentSubmitted;
import io.parley.events.Outcome;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.engine.Assessment;
import io.parley.moderation.repository.CampaignRepository;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.parley.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Comments as the engine left them, written straight to the moderation database: the engine's
 * outcome for a given text changes as it learns from the tests' decisions, and these tests are about
 * what moderators do next.
 */
@ApplicationScoped
public class HeldComments {

    private final ModeratedCommentRepository comments;
    private final DecisionRecordRepository decisions;
    private final CampaignRepository campaigns;

    public HeldComments(ModeratedCommentRepository comments, DecisionRecordRepository decisions,
                        CampaignRepository campaigns) {
        this.comments = comments;
        this.decisions = decisions;
        this.campaigns = campaigns;
    }

    /** Gives the comment's author another name, such as one a script kiddie would choose. */
    public void rename(UUID commentId, String authorName) {
        QuarkusTransaction.requiringNew().run(() -> comments.findById(commentId).authorName = authorName);
    }

    public ModeratedComment held(String postId, String body) {
        return stored(postId, body, Outcome.PENDING, null);
    }

    /** A comment the engine decided, optionally joined to the campaign of its (near-identical) text. */
    public ModeratedComment stored(String postId, String body, Outcome outcome, Long fingerprint) {
        CommentSubmitted event = CommentSubmitted.of(UUID.randomUUID(), postId, null,
                new CommentAuthor("Ada", "ada@example.org", null), body, TestEvents.now(),
                "author-" + UUID.randomUUID(), new AbuseSignals(false, 9000L, 14, 14, "fp-" + UUID.randomUUID(), false));
        return QuarkusTransaction.requiringNew().call(() -> {
            ModeratedComment comment = ModeratedComment.from(event, TestEvents.now());
            comment.outcome = outcome;
            comment.decisionVersion = 1;
            comments.persist(comment);
            decisions.persist(DecisionRecord.automatic(comment, new Assessment(outcome,
                    Map.of("spam", 0.6, "spamModel", 0.55, "offensive", 0.01),
                    List.of("classifier v1: spam 0.550, offensive 0.010", "1 link(s) to spam.example"),
                    List.of("links", "spam-review"), 1), TestEvents.now()));
            if (fingerprint != null) {
                campaigns.record(fingerprint, postId, comment.id.toString());
            }
            return comment;
        });
    }
}
