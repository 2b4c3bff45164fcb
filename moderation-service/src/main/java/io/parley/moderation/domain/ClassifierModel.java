package io.parley.moderation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A trained model set, stored so that every instance scores with the same version. */
@Entity
@Table(name = "classifier_model")
public class ClassifierModel {

    public enum Status {
        active, rolled_back
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Number of labeled comments it was trained on (starter corpus and moderator labels). */
    @Column(name = "trained_on", nullable = false)
    public int trainedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public byte[] model;
}
