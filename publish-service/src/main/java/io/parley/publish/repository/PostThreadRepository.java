package io.parley.publish.repository;

import io.parley.publish.domain.PostThread;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class PostThreadRepository implements PanacheRepositoryBase<PostThread, String> {

    /** The PostgreSQL channel every committed thread change is announced on, the post id as payload. */
    public static final String CHANGED_CHANNEL = "parley_thread_changed";

    /**
     * Recounts the posts' visible comments and moves their versions on, creating rows for new posts, in
     * one statement whatever the number of posts. Comment changes must be written first: the counts are
     * taken in the database ({@code was_published}, implied by {@code visible}, lets PostgreSQL use the
     * thread index instead of scanning every comment for each post). The same statement notifies {@link #CHANGED_CHANNEL} per post; PostgreSQL
     * delivers that only when the transaction commits, to every listening instance, so their read caches
     * drop the post. Rows are locked in post id order, so instances changing the same posts cannot deadlock.
     */
    public void changed(Collection<String> postIds, Instant now) {
        String[] sorted = postIds.stream().sorted().distinct().toArray(String[]::new);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    with changed as (
                        insert into thread (post_id, version, count, updated_at)
                        select p.post_id, 1,
                               (select count(*) from published_comment c
                                where c.post_id = p.post_id and c.was_published and c.visible), ?
                        from unnest(?::varchar[]) with ordinality as p(post_id, n)
                        order by p.n
                        on conflict (post_id) do update
                        set version = thread.version + 1, count = excluded.count, updated_at = excluded.updated_at
                        returning post_id)
                    select count(pg_notify('%s', post_id)) from changed
                    """.formatted(CHANGED_CHANNEL))) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setArray(2, connection.createArrayOf("varchar", sorted));
                statement.executeQuery().close();
            }
        });
    }

    public List<PostThread> findAll(Collection<String> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return list("postId in ?1", postIds);
    }
}
