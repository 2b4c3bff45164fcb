package io.parley.moderation.repository;

import io.parley.moderation.domain.Post;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, String> {

    public Map<String, Post> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids).stream().collect(Collectors.toMap(post -> post.id, Function.identity()));
    }
}
