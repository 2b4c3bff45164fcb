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

    /** Changes whenever a term is added or removed: the engine is rebuilt when it differs. */
    public String revision() {
        Object[] row = (Object[]) getEntityManager()
                .createQuery("select count(t), coalesce(max(t.id), 0) from ModerationTerm t").getSingleResult();
        return row[0] + "/" + row[1];
    }
}
