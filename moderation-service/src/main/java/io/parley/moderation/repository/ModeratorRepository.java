package io.parley.moderation.repository;

import io.parley.moderation.domain.Moderator;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ModeratorRepository implements PanacheRepositoryBase<Moderator, String> {

    public long enabledAdmins() {
        return count("role = ?1 and enabled = true", Moderator.Role.admin);
    }
}
