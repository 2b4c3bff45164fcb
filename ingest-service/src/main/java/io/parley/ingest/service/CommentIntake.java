package io.parley.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.events.AbuseSignals;
import io.parley.events.CommentEdited;
import io.parley.events.CommentEvent;
import io.parley.events.CommentSubmitted;
import io.parley.events.CommentWithdrawn;
import io.parley.ingest.config.IngestConfig;
import io.parley.ingest.messaging.EventPublisher;
import io.parley.ingest.repository.IdempotencyRecord;
import io.parley.support.abuse.FormTokens;
import io.parley.support.abuse.ProofOfWork;
import io.parley.support.rest.Problem;
import io.parley.support.tracing.CurrentTrace;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns accepted requests into events. A comment exists once Kafka has acknowledged its event;
 * every method returns only after that, or throws.
 */
@ApplicationScoped
public class CommentIntake {

    private final EventPublisher publisher;
    private final IdempotencyStore idempotency;
    private final PostDirectory posts;
    private final AbuseGuard guard;
    private final FormTokens formTokens;
    private final Pseudonyms pseudonyms;
    private final EditTokens editTokens;
    private final CommentRules rules;
    private final ObjectMapper mapper;
    private final IngestConfig config;
    private final Clock clock;

    public CommentIntake(EventPublisher publisher, IdempotencyStore idempotency, PostDirectory posts,
                         AbuseGuard guard, FormTokens formTokens, Pseudonyms pseudonyms, EditTokens editTokens,
                         CommentRules rules, ObjectMapper mapper, IngestConfig config, Clock clock) {
        this.publisher = publisher;
        this.idempotency = idempotency;
        this.posts = posts;
        this.guard = guard;
        this.formTokens = formTokens;
        this.pseudonyms = pseudonyms;
        this.editTokens = editTokens;
        this.rules = rules;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Writes a new comment. With an Idempotency-Key, a retry of the same comment writes the same event
     * again (consumers ignore the repeat) and gets the same receipt; another comment under a used key
     * is refused with 422. Blocks until Kafka acknowledged.
     */
    public Receipt submit(NewComment comment, SubmissionContext context) {
        String key = context.idempotencyKey();
        if (key == null) {
            CommentSubmitted event = admit(comment, context);
            publisher.publish(event);
            return receipt(event);
        }
        checkPostTakesComments(comment.postId());
        Optional<Receipt> replayed = replay(key, comment);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        CommentSubmitted event = admit(comment, context);
        if (!idempotency.remember(record(key, comment, event))) {
            // another request with this key won the race: answer as it did
            return replay(key, comment).orElseThrow();
        }
        // If this write fails, the key stays: a retry re-sends this very event (same id), so a write
        // that reached the broker although it was reported as failed still yields one comment.
        publisher.publish(event);
        return receipt(event);
    }

    /**
     * {@link #submit} without holding a thread while Kafka acknowledges: the checks run on the caller's
     * thread (they are in memory), and the receipt follows the broker's acknowledgement. A submission with
     * an Idempotency-Key needs the database, so it runs {@link #submit} on a worker thread instead.
     */
    public Uni<Receipt> submitAsync(NewComment comment, SubmissionContext context) {
        if (context.idempotencyKey() != null) {
            return Uni.createFrom().item(CurrentTrace.context().wrapSupplier(() -> submit(comment, context)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        CommentSubmitted event = admit(comment, context);
        return publisher.publishAsync(event).replaceWith(() -> receipt(event));
    }

    /** The in-memory checks of a new comment (post open, abuse limits), and its event. */
    private CommentSubmitted admit(NewComment comment, SubmissionContext context) {
        checkPostTakesComments(comment.postId());
        AbuseSignals signals = signals(comment.postId(), context);
        guard.admit(comment.postId(), context.clientFingerprint(),
                signals.requiredWorkBits() > 0 && signals.proofOfWorkBits() >= signals.requiredWorkBits());
        return CommentSubmitted.of(UUID.randomUUID(), comment.postId(), comment.parentId(),
                comment.author(), comment.body(), now(), pseudonyms.authorKey(comment.author().name(),
                        comment.author().email()), signals);
    }

    public Receipt edit(UUID commentId, String editToken, String body) {
        EditTokens.Grant grant = authorise(commentId, editToken);
        List<Problem.FieldError> errors = rules.bodyErrors(body);
        if (!errors.isEmpty()) {
            throw CommentRefusedException.invalid(errors);
        }
        Instant now = now();
        publisher.publish(CommentEdited.of(commentId, now.toEpochMilli(), grant.postId(), body.strip(), now));
        return new Receipt(commentId, grant.postId(), editToken);
    }

    public Receipt withdraw(UUID commentId, String editToken) {
        EditTokens.Grant grant = authorise(commentId, editToken);
        Instant now = now();
        publisher.publish(CommentWithdrawn.of(commentId, now.toEpochMilli(), grant.postId(), now));
        return new Receipt(commentId, grant.postId(), editToken);
    }

    /** A new signed form timestamp and the proof-of-work difficulty for this post, for the widget. */
    public Challenge challenge(String postId) {
        return new Challenge(formTokens.issue(postId, now()), guard.requiredWorkBits(postId));
    }

    public record Challenge(String formToken, int bits) {
    }

    private EditTokens.Grant authorise(UUID commentId, String editToken) {
        EditTokens.Grant grant = editTokens.verify(commentId, editToken)
                .orElseThrow(() -> new CommentRefusedException(401, "invalid-edit-token",
                        "The edit token does not belong to this comment.", null));
        if (grant.createdAt().plus(config.editWindow()).isBefore(now())) {
            throw new CommentRefusedException(403, "edit-window-closed", "Comments can be changed for "
                    + describe(config.editWindow()) + " after posting; this one can no longer be.", null);
        }
        return grant;
    }

    private void checkPostTakesComments(String postId) {
        Optional<PostDirectory.PostStatus> post = posts.find(postId);
        if (post.isPresent() && !post.get().commentsOpen()) {
            throw new CommentRefusedException(409, "comments-closed", "Comments on this post are closed.", null);
        }
        if (post.isEmpty() && config.requireRegisteredPosts()) {
            throw new CommentRefusedException(404, "unknown-post", "There is no post " + postId + ".", null);
        }
    }

    private AbuseSignals signals(String postId, SubmissionContext context) {
        Instant now = now();
        Optional<Instant> formIssued = formTokens.verify(context.formToken(), postId, now, config.formTokenMaxAge());
        Long fillTime = formIssued.map(issued -> Duration.between(issued, now).toMillis()).orElse(null);
        int workBits = formIssued.isPresent() ? ProofOfWork.bits(context.formToken(), context.powNonce()) : 0;
        return new AbuseSignals(context.honeypot() != null && !context.honeypot().isBlank(), fillTime, workBits,
                guard.requiredWorkBits(postId), context.clientFingerprint(), context.viaForm());
    }

    private Optional<Receipt> replay(String key, NewComment comment) {
        Optional<IdempotencyRecord> known = idempotency.find(key);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (!known.get().requestHash.equals(comment.contentHash())) {
            throw new CommentRefusedException(422, "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different comment.", null);
        }
        CommentSubmitted event = read(known.get().event);
        publisher.publish(event);
        return Optional.of(receipt(event));
    }

    private IdempotencyRecord record(String key, NewComment comment, CommentSubmitted event) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = key;
        record.requestHash = comment.contentHash();
        record.commentId = event.commentId();
        record.postId = event.postId();
        record.createdAt = event.occurredAt();
        try {
            record.event = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return record;
    }

    private CommentSubmitted read(String json) {
        try {
            return (CommentSubmitted) mapper.readValue(json, CommentEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotency record is unreadable", e);
        }
    }

    private Receipt receipt(CommentSubmitted event) {
        return new Receipt(event.commentId(), event.postId(),
                editTokens.issue(event.commentId(), event.postId(), event.occurredAt()));
    }

    /** Cut to microseconds, the precision every downstream database keeps. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() + " minutes";
    }
}
