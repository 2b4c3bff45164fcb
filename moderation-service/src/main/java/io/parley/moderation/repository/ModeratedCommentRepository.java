package io.parley.moderation.repository;

import io.parley.moderation.domain.ModeratedComment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
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
}
