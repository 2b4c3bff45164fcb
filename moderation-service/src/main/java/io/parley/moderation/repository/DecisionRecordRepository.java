package io.parley.moderation.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.support.persistence.SqlArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DecisionRecordRepository implements PanacheRepository<DecisionRecord> {

    private final ObjectMapper json;

    public DecisionRecordRepository(ObjectMapper json) {
        this.json = json;
    }

    public List<DecisionRecord> history(UUID commentId) {
        return list("commentId = ?1 order by version", commentId);
    }

    /**
     * Inserts a batch's decisions in one statement, outside the persistence context (see
     * {@link ModeratedCommentRepository#insertAll}); their ids come from the column's default. Their
     * comments must be written first.
     */
    public void insertAll(Collection<DecisionRecord> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into decision (comment_id, version, outcome, decided_by, reason, decided_at, scores,
                                          reasons, rules, model_version)
                    select * from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::varchar[], ?::text[],
                                         ?::timestamptz[], ?::jsonb[], ?::jsonb[], ?::jsonb[], ?::int[])
                    """)) {
                int column = 0;
                insert.setObject(++column, SqlArrays.texts(inserted, d -> d.commentId));
                insert.setObject(++column, SqlArrays.longs(inserted, d -> d.version));
                insert.setObject(++column, SqlArrays.texts(inserted, d -> d.outcome.name()));
                insert.setObject(++column, SqlArrays.texts(inserted, d -> d.decidedBy));
                insert.setObject(++column, SqlArrays.texts(inserted, d -> d.reason));
                insert.setObject(++column, SqlArrays.instants(inserted, d -> d.decidedAt));
                insert.setObject(++column, SqlArrays.texts(inserted, d -> JsonColumns.write(json, d.scores)));
                insert.setObject(++column, SqlArrays.texts(inserted, d -> JsonColumns.write(json, d.reasons)));
                insert.setObject(++column, SqlArrays.texts(inserted, d -> JsonColumns.write(json, d.rules)));
                insert.setObject(++column, SqlArrays.ints(inserted, d -> d.modelVersion));
                insert.executeUpdate();
            }
        });
    }
}
