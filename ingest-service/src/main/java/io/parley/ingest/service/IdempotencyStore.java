package io.parley.ingest.service;

import io.parley.ingest.config.IngestConfig;
import io.parley.ingest.repository.IdempotencyRecord;
import io.parley.ingest.repository.IdempotencyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Remembers submissions made with an Idempotency-Key, each write in its own short transaction. */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final IdempotencyRepository repository;
    private final IngestConfig config;
    private final Clock clock;

    public IdempotencyStore(IdempotencyRepository repository, IngestConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    public Optional<IdempotencyRecord> find(String key) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByIdOptional(key));
    }

    /** Stores the record; false when another request stored one under the same key first. */
    public boolean remember(IdempotencyRecord record) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                repository.persist(record);
                repository.flush();
            });
            return true;
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        Instant cutoff = Instant.now(clock).minus(config.idempotencyRetention());
        long purged = QuarkusTransaction.requiringNew().call(() -> repository.deleteCreatedBefore(cutoff));
        if (purged > 0) {
            LOG.infof("purged %d expired idempotency keys", purged);
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
