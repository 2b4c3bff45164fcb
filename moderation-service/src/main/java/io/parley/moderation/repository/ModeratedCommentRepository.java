package io.parley.moderation.repository;

import io.parley.moderation.domain.ModeratedComment;
import io.parley.support.persistence.EntitiesById;
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

    public Map<UUID, ModeratedComment> findAllById(Collection<UUID> ids) {
        return EntitiesById.load(getSession(), ModeratedComment.class, ids, c -> c.id);
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
                statement.setArray(1, connection.createArrayOf("varchar", authorKeys.toArray()));
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
