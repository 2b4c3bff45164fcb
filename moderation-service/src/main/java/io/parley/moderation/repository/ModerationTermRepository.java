package io.parley.moderation.repository;

import io.parley.moderation.domain.ModerationTerm;
import io.parley.moderation.engine.signal.Terms;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ModerationTermRepository implements PanacheRepository<ModerationTerm> {

    public Terms terms() {
        List<ModerationTerm> all = listAll();
        return new Terms(
                all.stream().filter(t -> t.kind == ModerationTerm.Kind.blocked).map(t -> t.term).toList(),
                all.stream().filter(t -> t.kind == ModerationTerm.Kind.suspect).map(t -> t.term).toList());
    }
}
