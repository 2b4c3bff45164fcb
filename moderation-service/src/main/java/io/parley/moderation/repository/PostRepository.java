package io.parley.moderation.repository;

import io.parley.moderation.domain.Post;
import io.parley.support.persistence.EntitiesById;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, String> {

    public Map<String, Post> findAllById(Collection<String> ids) {
        return EntitiesById.load(getSession(), Post.class, ids, post -> post.id);
    }
}
