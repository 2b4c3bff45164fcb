package io.parley.moderation.service;

import io.parley.moderation.domain.ModerationTerm;
import io.parley.moderation.engine.text.Text;
import io.parley.moderation.repository.ModerationTermRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/** Moderators' edits of the blocked and suspect term lists; the engine picks them up at its next batch. */
@ApplicationScoped
public class TermLists {

    private final ModerationTermRepository terms;
    private final Clock clock;

    public TermLists(ModerationTermRepository terms, Clock clock) {
        this.terms = terms;
        this.clock = clock;
    }

    public List<ModerationTerm> list() {
        return QuarkusTransaction.requiringNew().call(() -> terms.listAll(Sort.by("kind").and("term")));
    }

    /** Adds a term as the engine will match it: normalized words. */
    public ModerationTerm add(String term, ModerationTerm.Kind kind) {
        String normalized = String.join(" ", Text.words(Text.normalize(term)));
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("term has no words");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (terms.count("term = ?1 and kind = ?2", normalized, kind) > 0) {
                throw new Conflict(kind + " term \"" + normalized + "\" is already listed");
            }
            ModerationTerm entry = new ModerationTerm();
            entry.term = normalized;
            entry.kind = kind;
            entry.createdAt = Instant.now(clock);
            terms.persist(entry);
            return entry;
        });
    }

    public void remove(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!terms.deleteById(id)) {
                throw new NoSuchElementException("no term " + id);
            }
        });
    }
}
