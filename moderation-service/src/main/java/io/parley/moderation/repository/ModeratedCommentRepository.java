package io.parley.moderation.repository;

import io.parley.moderation.domain.ModeratedComment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import io.parley.events.Outcome;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
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

    /** How many comments of each author key ended with each outcome. */
    public Map<String, Map<Outcome, Long>> outcomesByAuthor(Collection<String> authorKeys) {
        Map<String, Map<Outcome, Long>> outcomes = new HashMap<>();
        if (authorKeys.isEmpty()) {
            return outcomes;
        }
        getEntityManager().createQuery("select c.authorKey, c.outcome, count(c) from ModeratedComment c "
                        + "where c.authorKey in ?1 group by c.authorKey, c.outcome", Object[].class)
                .setParameter(1, authorKeys)
                .getResultStream()
                .forEach(row -> outcomes.computeIfAbsent((String) row[0], key -> new EnumMap<>(Outcome.class))
                        .put((Outcome) row[1], (Long) row[2]));
        return outcomes;
    }
}
