package io.parley.support.messaging;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Retries work that failed for a passing reason (database or broker unreachable, restarting,
 * deadlock) until it succeeds, backing off up to {@link #MAX_BACKOFF}. The consumer thread waits
 * meanwhile, so its partitions pause and nothing is skipped. Other failures are thrown at once.
 */
public final class Retrying {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(Retrying.class);

    private Retrying() {
    }

    public static void untilDone(String what, Runnable work) {
        untilDone(what, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T untilDone(String what, Supplier<T> work) {
        long backoffMillis = 100;
        int attempt = 1;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoffMillis, e.toString());
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                attempt++;
            }
        }
    }

    /** True when the cause chain shows a connection, availability or concurrency problem. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TimeoutException || t instanceof java.net.ConnectException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientSqlState(sql.getSQLState())) {
                return true;
            }
            String name = t.getClass().getName();
            // Hibernate's and Agroal's wrappers, matched by name so this module needs neither.
            if (name.endsWith("JDBCConnectionException") || name.endsWith("LockAcquisitionException")
                    || name.endsWith("PessimisticLockException") || name.contains("TimeoutException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** 08: connection exception; 53: insufficient resources; 57P: server shutting down; 40: rollback (serialization, deadlock). */
    static boolean isTransientSqlState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("40"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
