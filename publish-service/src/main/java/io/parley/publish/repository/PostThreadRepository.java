package io.parley.publish.repository;

import io.parley.publish.domain.PostThread;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class PostThreadRepository implements PanacheRepositoryBase<PostThread, String> {

    /** The PostgreSQL channel every committed thread change is announced on, the post id as payload. */
    public static final String CHANGED_CHANNEL = "parley_thread_changed";

    /**
     * Recounts the post's visible comments and moves its version on, creating the row for a new
     * post. Comment changes must be flushed first: the count is taken in the database. In the same
     * statement it notifies {@link #CHANGED_CHANNEL}; PostgreSQL delivers that only when the
     * transaction commits, to every listening instance, so their read caches drop the post.
     */
    public void changed(String postId, Instant now) {
        getEntityManager().createNativeQuery("""
                        with changed as (
                            insert into thread (post_id, version, count, updated_at)
                            select :postId, 1, count(*), :now from published_comment where post_id = :postId and visible
                            on conflict (post_id) do update
                            set version = thread.version + 1, count = excluded.count, updated_at = excluded.updated_at
                            returning post_id)
                        select count(pg_notify('%s', post_id)) from changed
                        """.formatted(CHANGED_CHANNEL))
                .setParameter("postId", postId)
                .setParameter("now", now)
                .getSingleResult();
    }

    public List<PostThread> findAll(Collection<String> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return list("postId in ?1", postIds);
    }
}
