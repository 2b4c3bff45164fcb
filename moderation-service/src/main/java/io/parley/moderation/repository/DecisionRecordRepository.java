package io.parley.moderation.repository;

import io.parley.moderation.domain.DecisionRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DecisionRecordRepository implements PanacheRepository<DecisionRecord> {

    public List<DecisionRecord> history(UUID commentId) {
        return list("commentId = ?1 order by version", commentId);
    }
}
