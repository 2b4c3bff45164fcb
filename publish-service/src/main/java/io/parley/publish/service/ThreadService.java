package io.parley.publish.service;

import io.parley.events.ModerationDecision;
import io.parley.publish.domain.PublishedComment;
import io.parley.publish.repository.PostThreadRepository;
import io.parley.publish.repository.PublishedCommentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Applies moderation decisions to the read model and keeps each post's thread row current. */
@ApplicationScoped
public class ThreadService {

    private final PublishedCommentRepository comments;
    private final PostThreadRepository threads;
    private final CommentRenderer renderer;
    private final PublicationMetrics metrics;
    private final Clock clock;
    private final Event<ThreadsChanged> committed;

    public ThreadService(PublishedCommentRepository comments, PostThreadRepository threads, CommentRenderer renderer,
                         PublicationMetrics metrics, Clock clock, Event<ThreadsChanged> committed) {
        this.comments = comments;
        this.threads = threads;
        this.renderer = renderer;
        this.metrics = metrics;
        this.clock = clock;
        this.committed = committed;
    }

    /** Posts whose threads a committed transaction changed; observed after the commit only. */
    public record ThreadsChanged(Set<String> postIds) {
    }

    /**
     * Applies a batch in one transaction. A decision whose version is not newer than the one held is
     * ignored, so redelivery and reordering never resurrect, duplicate or revert a comment.
     */
    @Transactional
    public List<ModerationDecision> apply(List<ModerationDecision> decisions) {
        Instant now = Instant.now(clock);
        Map<UUID, PublishedComment> known = comments.findAllById(
                decisions.stream().map(ModerationDecision::commentId).toList());
        Map<UUID, PublishedComment> changed = new LinkedHashMap<>();
        for (ModerationDecision decision : decisions) {
            PublishedComment comment = known.get(decision.commentId());
            if (comment != null && comment.decisionVersion >= decision.version()) {
                continue;
            }
            boolean shownBefore = comment != null && comment.wasPublished;
            if (comment == null) {
                comment = new PublishedComment();
                comment.id = decision.commentId();
                known.put(comment.id, comment);
            }
            applyTo(comment, decision, now);
            if (!shownBefore && comment.wasPublished) {
                metrics.firstShown(decision.submittedAt(), now);
            }
            changed.put(comment.id, comment);
        }
        Map<String, Integer> visibleGained = comments.saveAll(changed.values());
        if (!visibleGained.isEmpty()) {
            threads.changed(visibleGained, now);
            // This instance's cache learns at once; others (and this one again) hear the notification.
            committed.fire(new ThreadsChanged(Set.copyOf(visibleGained.keySet())));
        }
        return decisions;
    }

    private void applyTo(PublishedComment comment, ModerationDecision decision, Instant now) {
        // The digest is of the last body readers saw, so an edit held for review and then approved still counts.
        String bodyDigest = sha256(decision.body());
        boolean edited = comment.wasPublished && comment.bodySha256 != null
                && !Objects.equals(comment.bodySha256, bodyDigest);
        comment.postId = decision.postId();
        comment.parentId = decision.parentId();
        comment.submittedAt = decision.submittedAt();
        comment.decisionVersion = decision.version();
        comment.updatedAt = now;
        comment.visible = decision.outcome().isVisible();
        if (comment.visible) {
            if (edited) {
                comment.editedAt = decision.decidedAt() != null ? decision.decidedAt() : now;
            }
            comment.wasPublished = true;
            comment.bodySha256 = bodyDigest;
            comment.authorName = decision.author() == null ? null : decision.author().name();
            comment.authorUrl = decision.author() == null ? null : CommentRenderer.safeAuthorUrl(decision.author().url());
            comment.html = renderer.render(decision.body() == null ? "" : decision.body());
        } else {
            // Readers no longer see it, so publish does not keep what it said or who said it.
            comment.authorName = null;
            comment.authorUrl = null;
            comment.html = null;
        }
    }

    private static String sha256(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
