package io.parley.moderation.repository;

import io.parley.moderation.domain.Post;
import io.parley.support.persistence.EntitiesById;
import io.parley.support.persistence.SqlArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, String> {

    public Map<String, Post> findAllById(Collection<String> ids) {
        return EntitiesById.load(getSession(), Post.class, ids, post -> post.id);
    }

    /**
     * When each of these posts was last updated, read without their texts (up to 200,000 characters
     * each): enough to tell whether a text prepared earlier is still the post's. Unregistered posts are absent.
     */
    public Map<String, Instant> updatedAt(Collection<String> ids) {
        Map<String, Instant> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        getSession().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, updated_at from post where id = any(?)")) {
                select.setObject(1, SqlArrays.texts(ids));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
            }
        });
        return found;
    }
}
