package io.parley.moderation.repository;

import io.parley.moderation.domain.TrainingLabel;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TrainingLabelRepository implements PanacheRepository<TrainingLabel> {
}
