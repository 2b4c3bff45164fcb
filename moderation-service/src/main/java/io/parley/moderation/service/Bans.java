package io.parley.moderation.service;

import io.parley.events.Outcome;
import io.parley.moderation.domain.Ban;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.engine.Assessment;
import io.parley.moderation.repository.BanRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Bans of a pseudonymous commenter (author key) or a client fingerprint. While one is in force, the
 * engine's judgement of their new comments and edits is overruled to spam, with the ban as the reason.
 */
@ApplicationScoped
public class Bans {

    public static final String RULE = "banned";

    private final BanRepository bans;
    private final Clock clock;

    public Bans(BanRepository bans, Clock clock) {
        this.bans = bans;
        this.clock = clock;
    }

    /** The bans in force on the authors and clients of these comments. In the caller's transaction. */
    public InForce inForceFor(Collection<ModeratedComment> comments, Instant now) {
        Set<String> authorKeys = new HashSet<>();
        Set<String> fingerprints = new HashSet<>();
        for (ModeratedComment comment : comments) {
            if (comment.authorKey != null) {
                authorKeys.add(comment.authorKey);
            }
            if (comment.signals != null && comment.signals.clientFingerprint() != null) {
                fingerprints.add(comment.signals.clientFingerprint());
            }
        }
        return new InForce(bans.inForce(authorKeys, fingerprints, now));
    }

    /** Bans read once for a batch of comments. */
    public record InForce(List<Ban> bans) {

        /** The assessment, or spam when the comment's author or client is banned (the longest-running ban is named). */
        public Assessment overrule(Assessment assessment, ModeratedComment comment) {
            String fingerprint = comment.signals == null ? null : comment.signals.clientFingerprint();
            return bans.stream()
                    .filter(ban -> ban.kind == Ban.Kind.author ? ban.value.equals(comment.authorKey)
                            : ban.value.equals(fingerprint))
                    .max(Comparator.comparing(ban -> ban.expiresAt))
                    .map(ban -> {
                        List<String> reasons = new ArrayList<>(assessment.reasons());
                        reasons.add((ban.kind == Ban.Kind.author ? "author" : "client") + " banned until "
                                + ban.expiresAt);
                        List<String> rules = new ArrayList<>(assessment.rules());
                        rules.add(RULE);
                        return new Assessment(Outcome.SPAM, assessment.scores(), List.copyOf(reasons),
                                List.copyOf(rules), assessment.modelVersion());
                    }).orElse(assessment);
        }
    }

    public List<Ban> active() {
        return QuarkusTransaction.requiringNew().call(() -> bans.active(Instant.now(clock)));
    }

    public Ban create(Ban.Kind kind, String value, String reason, Instant expiresAt, String moderator) {
        Instant now = Instant.now(clock);
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt must be in the future");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Ban ban = new Ban();
            ban.kind = kind;
            ban.value = value;
            ban.reason = reason == null || reason.isBlank() ? null : reason.strip();
            ban.createdBy = moderator;
            ban.createdAt = now;
            ban.expiresAt = expiresAt;
            bans.persist(ban);
            return ban;
        });
    }

    /** Ends a ban now; the row stays, as a record. */
    public void lift(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Ban ban = bans.findById(id);
            Instant now = Instant.now(clock);
            if (ban == null || !ban.expiresAt.isAfter(now)) {
                throw new NoSuchElementException("no ban " + id + " in force");
            }
            ban.expiresAt = now;
        });
    }
}
