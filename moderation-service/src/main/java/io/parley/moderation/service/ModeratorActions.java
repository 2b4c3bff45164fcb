package io.parley.moderation.service;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.domain.ModeratorAudit;
import io.parley.moderation.repository.ClassifierModelRepository;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.parley.moderation.repository.ModeratorAuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * What a moderator does to a comment: the engine's {@link ModeratorDecisions} records, publishes and
 * learns from it; this adds the audit row (who, when, from and to, why, the model in force) and bulk
 * actions. A decision that changes nothing is not repeated.
 */
@ApplicationScoped
public class ModeratorActions {

    /** Most comments one bulk request may decide. */
    public static final int MAX_BULK = 500;

    public enum Action {
        approve, reject, spam,
        /** Back to what the engine decided, undoing every moderator's decision since. */
        restore;

        public static Action parse(String value) {
            return Action.valueOf(value.toLowerCase(Locale.ROOT));
        }
    }

    /** What became of one comment: {@code changed} is false when it already had that outcome. */
    public record Result(UUID commentId, Outcome from, Outcome to, long version, boolean changed) {
    }

    private final ModeratedCommentRepository comments;
    private final DecisionRecordRepository decisions;
    private final ModeratorAuditRepository audits;
    private final ClassifierModelRepository models;
    private final ModeratorDecisions moderatorDecisions;
    private final EntityManager em;

    public ModeratorActions(ModeratedCommentRepository comments, DecisionRecordRepository decisions,
                            ModeratorAuditRepository audits, ClassifierModelRepository models,
                            ModeratorDecisions moderatorDecisions, EntityManager em) {
        this.comments = comments;
        this.decisions = decisions;
        this.audits = audits;
        this.models = models;
        this.moderatorDecisions = moderatorDecisions;
        this.em = em;
    }

    /**
     * @throws NoSuchElementException when moderation does not know the comment
     * @throws Conflict                when the commenter withdrew it
     */
    public Result decide(UUID commentId, Action action, String reason, String moderator) {
        record Before(Outcome outcome, Outcome target, long version) {
        }
        Before before = QuarkusTransaction.requiringNew().call(() -> {
            ModeratedComment comment = comments.findById(commentId);
            if (comment == null) {
                throw new NoSuchElementException("no comment " + commentId);
            }
            if (comment.outcome == Outcome.WITHDRAWN) {
                throw new Conflict("comment " + commentId + " was withdrawn by the commenter");
            }
            return new Before(comment.outcome, target(comment, action), comment.decisionVersion);
        });
        if (before.target() == before.outcome()) {
            return new Result(commentId, before.outcome(), before.target(), before.version(), false);
        }
        ModerationDecision decision;
        try {
            decision = moderatorDecisions.decide(commentId, before.target(), moderator);
        } catch (IllegalArgumentException withdrawnMeanwhile) {
            throw new Conflict(withdrawnMeanwhile.getMessage());
        }
        // The decision is committed and published before this row: a crash in between leaves the
        // decision record (who, when, outcome) without its reason, never an audit row for nothing.
        return QuarkusTransaction.requiringNew().call(() -> {
            DecisionRecord previous = decisions.find("commentId = ?1 and version = ?2", commentId,
                    decision.version() - 1).firstResult();
            ModeratorAudit audit = new ModeratorAudit();
            audit.commentId = commentId;
            audit.decisionVersion = decision.version();
            audit.moderator = moderator;
            audit.decidedAt = decision.decidedAt();
            audit.fromOutcome = previous == null ? before.outcome() : previous.outcome;
            audit.toOutcome = decision.outcome();
            audit.reason = reason == null || reason.isBlank() ? null : reason.strip();
            audit.modelVersion = models.currentVersion().orElse(null);
            audits.persist(audit);
            return new Result(commentId, audit.fromOutcome, audit.toOutcome, decision.version(), true);
        });
    }

    /** Decides each comment in turn; one that cannot be decided does not stop the others. */
    public List<BulkItem> decideAll(List<UUID> commentIds, Action action, String reason, String moderator) {
        List<BulkItem> results = new ArrayList<>(commentIds.size());
        for (UUID id : commentIds.stream().distinct().toList()) {
            try {
                results.add(new BulkItem(id, decide(id, action, reason, moderator), null));
            } catch (NoSuchElementException e) {
                results.add(new BulkItem(id, null, "not found"));
            } catch (Conflict e) {
                results.add(new BulkItem(id, null, "withdrawn by the commenter"));
            }
        }
        return results;
    }

    /** One comment of a bulk decision: its result, or why it could not be decided. */
    public record BulkItem(UUID commentId, Result result, String error) {
    }

    /** The comments of a campaign that a moderator can still decide, oldest first. */
    public List<UUID> campaignMembers(UUID campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("select c.id from campaign_member m join comment c on c.id = "
                            + "m.comment_id where m.campaign_id = ?1 and c.outcome <> 'WITHDRAWN' "
                            + "order by c.submitted_at, c.id limit ?2")
                    .setParameter(1, campaignId).setParameter(2, MAX_BULK).getResultList();
            return ids;
        });
    }

    private Outcome target(ModeratedComment comment, Action action) {
        if (action == Action.approve) {
            return Outcome.APPROVED;
        }
        if (action == Action.reject) {
            return Outcome.REJECTED;
        }
        if (action == Action.spam) {
            return Outcome.SPAM;
        }
        DecisionRecord automatic = decisions.find("commentId = ?1 and decidedBy = ?2 order by version desc",
                comment.id, DecisionRecord.AUTOMATIC).firstResult();
        return automatic == null ? Outcome.PENDING : automatic.outcome;
    }
}
