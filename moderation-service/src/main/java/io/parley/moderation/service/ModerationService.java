package io.parley.moderation.service;

import io.parley.events.CommentEdited;
import io.parley.events.CommentEvent;
import io.parley.events.CommentSubmitted;
import io.parley.events.CommentWithdrawn;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.engine.Assessment;
import io.parley.moderation.engine.CommentInput;
import io.parley.moderation.engine.ModerationEngine;
import io.parley.moderation.engine.classify.Evidence;
import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.engine.signal.SimHash;
import io.parley.moderation.repository.CampaignRepository;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** Applies comment events to the moderation database and says which decisions to publish. */
@ApplicationScoped
public class ModerationService {

    private final ModeratedCommentRepository comments;
    private final DecisionRecordRepository decisions;
    private final PostDocuments posts;
    private final CampaignRepository campaigns;
    private final EngineProvider engines;
    private final Bans bans;
    private final Clock clock;

    public ModerationService(ModeratedCommentRepository comments, DecisionRecordRepository decisions,
                             PostDocuments posts, CampaignRepository campaigns, EngineProvider engines, Bans bans,
                             Clock clock) {
        this.comments = comments;
        this.decisions = decisions;
        this.posts = posts;
        this.campaigns = campaigns;
        this.engines = engines;
        this.bans = bans;
        this.clock = clock;
    }

    /**
     * Applies a batch in one transaction. An event already applied (same comment, same or older
     * version) changes nothing but still yields the comment's current decision: if the previous attempt
     * committed but crashed before publishing, publishing it now heals that, and publish ignores repeats.
     * What the engine weighs besides the text is read for the whole batch first, a query per kind rather
     * than per comment, and the new rows are written together at the end, a statement per table.
     */
    @Transactional
    public List<ModerationDecision> apply(List<CommentEvent> events) {
        Instant now = Instant.now(clock);
        ModerationEngine engine = engines.current();
        Map<UUID, ModeratedComment> known = comments.findAllById(commentsAndParents(events));
        Context context = context(engine, events, known, now);
        Writes writes = new Writes(new ArrayList<>(), new ArrayList<>());
        List<ModerationDecision> toPublish = new ArrayList<>(events.size());
        for (CommentEvent event : events) {
            ModeratedComment existing = known.get(event.commentId());
            if (existing != null && existing.eventVersion >= event.version()) {
                toPublish.add(existing.toDecisionEvent(now));
                continue;
            }
            Outcome before = existing == null ? null : existing.outcome;
            ModeratedComment comment;
            if (event instanceof CommentSubmitted submitted) {
                comment = submit(engine, context, submitted, now, writes);
            } else if (event instanceof CommentEdited edited) {
                comment = edit(engine, context, require(existing, edited), edited, now, writes);
            } else if (event instanceof CommentWithdrawn withdrawn) {
                comment = withdraw(require(existing, withdrawn), withdrawn, now, writes);
            } else {
                throw new IllegalArgumentException("unhandled event type " + event.getClass().getSimpleName());
            }
            context.authors.moved(comment, before);
            known.put(comment.id, comment);
            toPublish.add(comment.toDecisionEvent(now));
        }
        comments.insertAll(writes.comments);
        decisions.insertAll(writes.decisions);
        return toPublish;
    }

    /**
     * The rows a batch adds, written together once it is judged. A comment submitted and edited in the
     * same batch is inserted as it stands after the edit; stored comments that change are entities,
     * written by Hibernate at commit.
     */
    private record Writes(List<ModeratedComment> comments, List<DecisionRecord> decisions) {
    }

    private ModeratedComment submit(ModerationEngine engine, Context context, CommentSubmitted event, Instant now,
                                    Writes writes) {
        ModeratedComment comment = ModeratedComment.from(event, now);
        comment.decisionVersion = 1;
        Assessment assessment = context.bans.overrule(context.assess(engine, comment, event), comment);
        comment.outcome = assessment.outcome();
        writes.comments.add(comment);
        writes.decisions.add(DecisionRecord.automatic(comment, assessment, now));
        return comment;
    }

    /** The new text is judged afresh and published as a newer decision; a withdrawn comment stays withdrawn. */
    private ModeratedComment edit(ModerationEngine engine, Context context, ModeratedComment comment,
                                  CommentEdited event, Instant now, Writes writes) {
        comment.eventVersion = event.version();
        if (comment.outcome == Outcome.WITHDRAWN) {
            return comment;
        }
        comment.body = event.body();
        comment.decisionVersion++;
        Assessment assessment = context.bans.overrule(context.assess(engine, comment, event), comment);
        comment.outcome = assessment.outcome();
        writes.decisions.add(DecisionRecord.automatic(comment, assessment, now));
        return comment;
    }

    private ModeratedComment withdraw(ModeratedComment comment, CommentWithdrawn event, Instant now, Writes writes) {
        comment.eventVersion = event.version();
        if (comment.outcome == Outcome.WITHDRAWN) {
            return comment;
        }
        comment.outcome = Outcome.WITHDRAWN;
        comment.decisionVersion++;
        DecisionRecord record = DecisionRecord.of(comment, DecisionRecord.COMMENTER, "withdrawn by the commenter", now);
        record.rules = List.of("withdrawn");
        writes.decisions.add(record);
        return comment;
    }

    /** The batch's comments and the comments they reply to: both are read in one query. */
    private static Set<UUID> commentsAndParents(List<CommentEvent> events) {
        Set<UUID> ids = new HashSet<>();
        for (CommentEvent event : events) {
            ids.add(event.commentId());
            if (event instanceof CommentSubmitted submitted && submitted.parentId() != null) {
                ids.add(submitted.parentId());
            }
        }
        return ids;
    }

    /**
     * Reads, for every comment of the batch the engine will judge, its post, its author's record, bans in
     * force and its campaign (its parent is among the comments already read). Campaign sizes count the
     * whole batch, so the first copy of a flood arriving in one batch is already seen as part of it. The
     * text's evidence, drawn here for its fingerprint, is kept for the engine.
     */
    private Context context(ModerationEngine engine, List<CommentEvent> events, Map<UUID, ModeratedComment> known,
                            Instant now) {
        List<ModeratedComment> judged = new ArrayList<>();
        Set<String> postIds = new HashSet<>();
        Set<String> authorKeys = new HashSet<>();
        Map<UUID, CampaignRepository.Member> members = new LinkedHashMap<>();
        Map<CommentEvent, Evidence> evidence = new IdentityHashMap<>();
        for (CommentEvent event : events) {
            ModeratedComment existing = known.get(event.commentId());
            if (existing != null && existing.eventVersion >= event.version()) {
                continue;
            }
            ModeratedComment comment;
            String body;
            if (event instanceof CommentSubmitted submitted) {
                comment = ModeratedComment.from(submitted, now);
                body = submitted.body();
            } else if (event instanceof CommentEdited edited && existing != null) {
                comment = existing;
                body = edited.body();
            } else {
                continue;
            }
            judged.add(comment);
            postIds.add(comment.postId);
            if (comment.authorKey != null) {
                authorKeys.add(comment.authorKey);
            }
            Evidence drawn = engine.featurizer().evidence(body, comment.authorName, comment.authorUrl);
            evidence.put(event, drawn);
            OptionalLong fingerprint = SimHash.of(drawn.words());
            if (fingerprint.isPresent()) {
                members.putIfAbsent(comment.id,
                        new CampaignRepository.Member(comment.id, comment.postId, fingerprint.getAsLong()));
            }
        }
        return new Context(posts.of(postIds), known,
                new AuthorRecords(comments.outcomesByAuthor(authorKeys)), bans.inForceFor(judged, now),
                joinCampaigns(List.copyOf(members.values())), evidence);
    }

    /**
     * Joins the batch's comments to their campaigns in a transaction of its own. Joining takes a lock
     * that is held until commit: held through the whole batch (engine, inserts, commit), it made every
     * moderation instance wait for the others' batches, not only for this step. Committed ahead of the
     * batch, the members are found again if the batch fails and comes back, so it joins the same campaigns;
     * a comment that ends up dead-lettered stays counted as a copy that arrived.
     */
    private Map<UUID, Campaign> joinCampaigns(List<CampaignRepository.Member> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> campaigns.recordAll(members));
    }

    /**
     * What one batch's lookups found: its posts' prepared texts, and in {@code comments} the batch's
     * comments as applied so far and the stored comments they reply to.
     */
    private record Context(Map<String, Relevance.Document> posts, Map<UUID, ModeratedComment> comments,
                           AuthorRecords authors, Bans.InForce bans, Map<UUID, Campaign> campaigns,
                           Map<CommentEvent, Evidence> evidence) {

        /**
         * Judges the comment as {@code event} left it, with the evidence drawn from that event's text for
         * its fingerprint; an edit of a comment submitted in the same batch had none drawn, and draws it now.
         */
        Assessment assess(ModerationEngine engine, ModeratedComment comment, CommentEvent event) {
            Evidence drawn = evidence.get(event);
            return drawn != null ? engine.assess(inputFor(comment), drawn) : engine.assess(inputFor(comment));
        }

        CommentInput inputFor(ModeratedComment comment) {
            ModeratedComment parent = comment.parentId == null ? null : comments.get(comment.parentId);
            return new CommentInput(comment.body, comment.authorName, comment.authorUrl, comment.signals,
                    posts.get(comment.postId), parent == null ? null : parent.body,
                    authors.trustOf(comment), campaigns.get(comment.id));
        }
    }

    /** Edits and withdrawals follow their submission on the same partition; one without it cannot be applied. */
    private static ModeratedComment require(ModeratedComment existing, CommentEvent event) {
        if (existing == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " of unknown comment "
                    + event.commentId());
        }
        return existing;
    }
}
