package io.parley.moderation.repository;

import io.parley.moderation.domain.Ban;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class BanRepository implements PanacheRepository<Ban> {

    public List<Ban> active(Instant now) {
        return list("expiresAt > ?1 order by expiresAt", now);
    }

    /** Bans in force on any of these author keys or client fingerprints. */
    public List<Ban> inForce(Collection<String> authorKeys, Collection<String> fingerprints, Instant now) {
        if (authorKeys.isEmpty() && fingerprints.isEmpty()) {
            return List.of();
        }
        // An empty "in ()" is not valid SQL; a value no key or fingerprint can take stands in for none.
        return list("expiresAt > ?1 and ((kind = ?2 and value in ?3) or (kind = ?4 and value in ?5))", now,
                Ban.Kind.author, orNone(authorKeys), Ban.Kind.fingerprint, orNone(fingerprints));
    }

    private static Collection<String> orNone(Collection<String> values) {
        return values.isEmpty() ? List.of("") : values;
    }
}
