package io.parley.moderation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person who may work through the queue; admins also manage accounts. */
@Entity
@Table(name = "moderator")
public class Moderator {

    public enum Role {
        moderator, admin
    }

    @Id
    public String username;

    /** bcrypt, in modular crypt format. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
