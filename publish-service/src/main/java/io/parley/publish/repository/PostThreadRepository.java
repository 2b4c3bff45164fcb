package io.parley.publish.repository;

import io.parley.publish.domain.PostThread;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PostThreadRepository implements PanacheRepositoryBase<PostThread, String> {

    /** The PostgreSQL channel every committed thread change is announced on, the post id as payload. */
    public static final String CHANGED_CHANNEL = "parley_thread_changed";

    /**
     * Moves the posts' versions on and their counts by how many comments each gained or lost (0 still
     * moves the version), creating rows for new posts, in one statement whatever the number of posts.
     * Counting the thread again instead cost PostgreSQL more than every other statement of a backlog
     * drain but one, growing with the thread. The same statement notifies {@link #CHANGED_CHANNEL} per
     * post; PostgreSQL delivers that only when the transaction commits, to every listening instance, so
     * their read caches drop the post. Rows are locked in post id order, so instances changing the same
     * posts cannot deadlock.
     */
    public void changed(Map<String, Integer> visibleGained, Instant now) {
        String[] posts = visibleGained.keySet().stream().sorted().toArray(String[]::new);
        Integer[] gained = Arrays.stream(posts).map(visibleGained::get).toArray(Integer[]::new);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    with changed as (
                        insert into thread (post_id, version, count, updated_at)
                        select p.post_id, 1, p.gained, ?
                        from unnest(?::varchar[], ?::int[]) with ordinality as p(post_id, gained, n)
                        order by p.n
                        on conflict (post_id) do update
                        set version = thread.version + 1, count = thread.count + excluded.count,
                            updated_at = excluded.updated_at
                        returning post_id)
                    select count(pg_notify('%s', post_id)) from changed
                    """.formatted(CHANGED_CHANNEL))) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setObject(2, posts);
                statement.setObject(3, gained);
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
