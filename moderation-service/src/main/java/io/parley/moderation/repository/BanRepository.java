package io.parley.moderation.repository;

import io.parley.moderation.domain.Ban;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BanRepository implements PanacheRepository<Ban> {

    public List<Ban> active(Instant now) {
        return list("expiresAt > ?1 order by expiresAt", now);
    }

    /** The longest-running ban in force on this author key or fingerprint (either may be null). */
    public Optional<Ban> inForce(String authorKey, String fingerprint, Instant now) {
        if (authorKey == null && fingerprint == null) {
            return Optional.empty();
        }
        return find("expiresAt > ?1 and ((kind = ?2 and value = ?3) or (kind = ?4 and value = ?5)) "
                        + "order by expiresAt desc", now, Ban.Kind.author, String.valueOf(authorKey),
                Ban.Kind.fingerprint, String.valueOf(fingerprint)).firstResultOptional();
    }
}
