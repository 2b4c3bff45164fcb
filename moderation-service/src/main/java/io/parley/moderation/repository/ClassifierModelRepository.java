package io.parley.moderation.repository;

import io.parley.moderation.domain.ClassifierModel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ClassifierModelRepository implements PanacheRepositoryBase<ClassifierModel, Integer> {

    /** The version every instance should score with: the newest one not rolled back. */
    public Optional<Integer> currentVersion() {
        Integer version = getEntityManager()
                .createQuery("select max(m.version) from ClassifierModel m where m.status = :active", Integer.class)
                .setParameter("active", ClassifierModel.Status.active)
                .getSingleResult();
        return Optional.ofNullable(version);
    }

    /**
     * What the engine is built from, in one round trip because every batch asks: the newest active model
     * version (empty before the first training) and a revision of the term lists that changes whenever a
     * term is added or removed.
     */
    public EngineRevision engineRevision() {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                select (select max(version) from classifier_model where status = 'active'),
                       (select count(*) || '/' || coalesce(max(id), 0) from moderation_term)""").getSingleResult();
        return new EngineRevision(Optional.ofNullable((Number) row[0]).map(Number::intValue), (String) row[1]);
    }

    public record EngineRevision(Optional<Integer> modelVersion, String terms) {
    }

    public Optional<ClassifierModel> current() {
        return currentVersion().map(this::findById);
    }

    /** Serialises model bootstrap and retraining across instances for the rest of the transaction. */
    public void lockForTraining() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(4004)").getSingleResult();
    }
}
