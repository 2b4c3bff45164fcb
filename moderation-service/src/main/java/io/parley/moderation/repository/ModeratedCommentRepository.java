package io.parley.moderation.repository;

import io.parley.moderation.domain.ModeratedComment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import io.parley.events.Outcome;
import io.parley.moderation.engine.signal.Trust;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ModeratedCommentRepository implements PanacheRepositoryBase<ModeratedComment, UUID> {

    public Map<UUID, ModeratedComment> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /** How the author's other comments ended: approved, and refused (spam or rejected). */
    public Trust trustOf(String authorKey, UUID except) {
        if (authorKey == null) {
            return Trust.FIRST_TIME;
        }
        long approved = count("authorKey = ?1 and id <> ?2 and outcome = ?3", authorKey, except, Outcome.APPROVED);
        long refused = count("authorKey = ?1 and id <> ?2 and outcome in ?3", authorKey, except,
                List.of(Outcome.SPAM, Outcome.REJECTED));
        return Trust.of(approved, refused);
    }
}
