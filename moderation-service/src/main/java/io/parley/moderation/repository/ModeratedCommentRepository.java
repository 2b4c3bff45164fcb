package io.parley.moderation.repository;

import io.parley.moderation.domain.ModeratedComment;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.support.persistence.EntitiesById;
import io.parley.support.persistence.SqlArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import io.parley.events.Outcome;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ModeratedCommentRepository implements PanacheRepositoryBase<ModeratedComment, UUID> {

    /** Far above the few approvals trust needs and the at most 250 comments of one batch. */
    public static final int RECORD_CAP = 1_000;

    private final ObjectMapper json;

    public ModeratedCommentRepository(ObjectMapper json) {
        this.json = json;
    }

    public Map<UUID, ModeratedComment> findAllById(Collection<UUID> ids) {
        return EntitiesById.load(getSession(), ModeratedComment.class, ids, c -> c.id);
    }

    /**
     * Inserts new comments in one statement, outside the persistence context: a batch's comments are
     * written once and never changed in the same transaction, and persisting and flushing them as
     * entities was a fifth of moderation's CPU in a backlog drain. Read them back as entities as usual.
     */
    public void insertAll(Collection<ModeratedComment> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        getSession().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into comment (id, post_id, parent_id, author_name, author_email, author_url, body,
                                         author_key, signals, event_version, submitted_at, received_at, outcome,
                                         decision_version)
                    select * from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
                                         ?::text[], ?::varchar[], ?::jsonb[], ?::bigint[], ?::timestamptz[],
                                         ?::timestamptz[], ?::varchar[], ?::bigint[])
                    """)) {
                int column = 0;
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.id));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.postId));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.parentId));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.authorName));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.authorEmail));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.authorUrl));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.body));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.authorKey));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> JsonColumns.write(json, c.signals)));
                insert.setObject(++column, SqlArrays.longs(inserted, c -> c.eventVersion));
                insert.setObject(++column, SqlArrays.instants(inserted, c -> c.submittedAt));
                insert.setObject(++column, SqlArrays.instants(inserted, c -> c.receivedAt));
                insert.setObject(++column, SqlArrays.texts(inserted, c -> c.outcome.name()));
                insert.setObject(++column, SqlArrays.longs(inserted, c -> c.decisionVersion));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Enough of each author's record to judge trust: how many of their comments were approved and how
     * many refused (spam or rejected), each counted up to {@link #RECORD_CAP}. Trust needs only "one
     * refusal" and "a few approvals", and one pseudonym can be shared by thousands of comments (every
     * "Anonymous" without an e-mail), so an uncapped count would make every batch scan them all. The
     * cap stays far above what a batch's own decisions can subtract, so trust is the same as uncapped.
     */
    public Map<String, Map<Outcome, Long>> outcomesByAuthor(Collection<String> authorKeys) {
        Map<String, Map<Outcome, Long>> outcomes = new HashMap<>();
        if (authorKeys.isEmpty()) {
            return outcomes;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select k.author_key, c.outcome, count(*)
                    from unnest(?) as k(author_key)
                    cross join lateral (
                        (select outcome from comment
                         where author_key = k.author_key and outcome = 'APPROVED' limit ?)
                        union all
                        (select outcome from comment
                         where author_key = k.author_key and outcome in ('SPAM', 'REJECTED') limit ?)
                    ) c
                    group by k.author_key, c.outcome""")) {
                statement.setObject(1, SqlArrays.texts(authorKeys));
                statement.setInt(2, RECORD_CAP);
                statement.setInt(3, RECORD_CAP);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        outcomes.computeIfAbsent(rows.getString(1), key -> new EnumMap<>(Outcome.class))
                                .put(Outcome.valueOf(rows.getString(2)), rows.getLong(3));
                    }
                }
            }
        });
        return outcomes;
    }
}
