package io.parley.publish.repository;

import io.parley.publish.domain.PublishedComment;
import io.parley.support.persistence.SqlArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads go through Hibernate. The decision consumer's batch is read and written with two plain SQL
 * statements instead: the comments are detached values, not managed entities. Hibernate's multi-load,
 * persist and flush were 43% of publish's CPU per decision in the drain's profile, for rows that need
 * no more than one array-bound select and one array-bound upsert.
 */
@ApplicationScoped
public class PublishedCommentRepository implements PanacheRepositoryBase<PublishedComment, UUID> {

    private static final String COLUMNS = "id, post_id, parent_id, visible, was_published, author_name, author_url,"
            + " html, body_sha256, submitted_at, edited_at, decision_version, updated_at";

    /** Every comment of a post readers see or saw (removed ones may stand as placeholders), oldest first. */
    public List<PublishedComment> shownInThread(String postId) {
        return list("postId = ?1 and wasPublished = true order by submittedAt, id", postId);
    }

    /** The stored comments among these ids, by id, as values to change and {@link #saveAll save}. */
    public Map<UUID, PublishedComment> findAllById(Collection<UUID> ids) {
        Map<UUID, PublishedComment> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from published_comment where id = any(?::uuid[])")) {
                select.setObject(1, SqlArrays.texts(ids));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        PublishedComment comment = read(rows);
                        found.put(comment.id, comment);
                    }
                }
            }
        });
        return found;
    }

    /**
     * Inserts the new comments and overwrites the stored ones, in one statement. A stored row with the
     * same or a newer decision is left as it is: another instance (during a rebalance) got there first.
     *
     * @return for each post whose rows this statement changed, how many more of its comments are visible
     *         now (negative when fewer). Taken from each row as it was just before and just after the write,
     *         under the row's lock, so a thread's count can be moved on instead of recounted.
     */
    public Map<String, Integer> saveAll(Collection<PublishedComment> comments) {
        Map<String, Integer> visibleGained = new HashMap<>();
        if (comments.isEmpty()) {
            return visibleGained;
        }
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into published_comment (%s)
                    select * from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::boolean[], ?::boolean[], ?::varchar[],
                                         ?::varchar[], ?::text[], ?::varchar[], ?::timestamptz[], ?::timestamptz[],
                                         ?::bigint[], ?::timestamptz[])
                    on conflict (id) do update set
                        post_id = excluded.post_id, parent_id = excluded.parent_id, visible = excluded.visible,
                        was_published = excluded.was_published, author_name = excluded.author_name,
                        author_url = excluded.author_url, html = excluded.html, body_sha256 = excluded.body_sha256,
                        submitted_at = excluded.submitted_at, edited_at = excluded.edited_at,
                        decision_version = excluded.decision_version, updated_at = excluded.updated_at
                    where published_comment.decision_version < excluded.decision_version
                    returning old.post_id, coalesce(old.visible, false), new.post_id, new.visible
                    """.formatted(COLUMNS))) {
                int column = 0;
                upsert.setObject(++column, SqlArrays.texts(comments, c -> c.id));
                upsert.setObject(++column, SqlArrays.texts(comments, c -> c.postId));
                upsert.setObject(++column, SqlArrays.texts(comments, c -> c.parentId));
                upsert.setObject(++column, SqlArrays.booleans(comments, c -> c.visible));
                upsert.setObject(++column, SqlArrays.booleans(comments, c -> c.wasPublished));
                upsert.setObject(++column, SqlArrays.texts(comments, c -> c.authorName));
                upsert.setObject(++column, SqlArrays.texts(comments, c -> c.authorUrl));
                upsert.setObject(++column, SqlArrays.texts(comments, c -> c.html));
                upsert.setObject(++column, SqlArrays.texts(comments, c -> c.bodySha256));
                upsert.setObject(++column, SqlArrays.instants(comments, c -> c.submittedAt));
                upsert.setObject(++column, SqlArrays.instants(comments, c -> c.editedAt));
                upsert.setObject(++column, SqlArrays.longs(comments, c -> c.decisionVersion));
                upsert.setObject(++column, SqlArrays.instants(comments, c -> c.updatedAt));
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        String before = rows.getString(1);
                        if (before != null) {
                            visibleGained.merge(before, rows.getBoolean(2) ? -1 : 0, Integer::sum);
                        }
                        visibleGained.merge(rows.getString(3), rows.getBoolean(4) ? 1 : 0, Integer::sum);
                    }
                }
            }
        });
        return visibleGained;
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    private static PublishedComment read(ResultSet rows) throws SQLException {
        PublishedComment comment = new PublishedComment();
        comment.id = rows.getObject("id", UUID.class);
        comment.postId = rows.getString("post_id");
        comment.parentId = rows.getObject("parent_id", UUID.class);
        comment.visible = rows.getBoolean("visible");
        comment.wasPublished = rows.getBoolean("was_published");
        comment.authorName = rows.getString("author_name");
        comment.authorUrl = rows.getString("author_url");
        comment.html = rows.getString("html");
        comment.bodySha256 = rows.getString("body_sha256");
        comment.submittedAt = instant(rows.getTimestamp("submitted_at"));
        comment.editedAt = instant(rows.getTimestamp("edited_at"));
        comment.decisionVersion = rows.getLong("decision_version");
        comment.updatedAt = instant(rows.getTimestamp("updated_at"));
        return comment;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
