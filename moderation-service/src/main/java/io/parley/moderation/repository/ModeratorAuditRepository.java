package io.parley.moderation.repository;

import io.parley.moderation.domain.ModeratorAudit;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ModeratorAuditRepository implements PanacheRepository<ModeratorAudit> {

    public List<ModeratorAudit> of(UUID commentId) {
        return list("commentId = ?1 order by decisionVersion", commentId);
    }
}
