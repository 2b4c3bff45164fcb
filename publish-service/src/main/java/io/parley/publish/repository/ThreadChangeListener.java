package io.parley.publish.repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.publish.config.PublishConfig;
import io.parley.publish.service.ThreadCache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Hears every thread change committed to the shared database, by any publish instance, through
 * PostgreSQL's LISTEN/NOTIFY ({@link PostThreadRepository#changed} notifies in the transaction that
 * moves the version on; PostgreSQL delivers after commit). One connection of its own, outside the
 * pool, on a daemon thread; on failure it reconnects with a doubling delay, and {@link ThreadCache}
 * is bypassed until LISTEN succeeds again, since changes committed meanwhile go unheard.
 */
@ApplicationScoped
public class ThreadChangeListener {

    private static final Logger LOG = Logger.getLogger(ThreadChangeListener.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    /** How long one wait for notifications lasts: bounds how long stop() waits for the thread. */
    private static final int WAIT_MILLIS = 500;
    /** A quiet connection is checked this often, so a silently dead one is noticed. */
    private static final long CHECK_IDLE_NANOS = Duration.ofSeconds(10).toNanos();

    private final ThreadCache cache;
    private final boolean enabled;
    private final Duration maxRetryDelay;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Counter connects;
    private volatile Thread worker;

    public ThreadChangeListener(ThreadCache cache, PublishConfig config, MeterRegistry registry,
                                @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.enabled = config.cache().enabled();
        this.maxRetryDelay = config.cache().maxReconnectDelay();
        this.url = url;
        this.username = username;
        this.password = password;
        this.connects = Counter.builder("parley.publish.cache.listener.connects")
                .description("Times the thread-change listener connected and started listening")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = new Thread(this::listen, "parley-thread-change-listener");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops listening; the cache is bypassed until {@link #start()}. */
    public synchronized void stop() {
        Thread stopping = worker;
        if (stopping == null) {
            return;
        }
        worker = null;
        cache.notListening();
        stopping.interrupt();
        try {
            stopping.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Times a connection started listening since this instance started. */
    public long connects() {
        return (long) connects.count();
    }

    private void listen() {
        Duration retryDelay = FIRST_RETRY;
        while (current()) {
            try (Connection connection = connect()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + PostThreadRepository.CHANGED_CHANNEL);
                }
                synchronized (this) {
                    if (!current()) {
                        return;
                    }
                    cache.listening();
                }
                connects.increment();
                retryDelay = FIRST_RETRY;
                deliver(connection, notifications);
            } catch (SQLException | RuntimeException e) {
                synchronized (this) {
                    if (!current()) {
                        return;
                    }
                    cache.notListening();
                }
                LOG.warnf("Thread-change listener lost its connection (%s); reads bypass the cache, retrying in %d ms",
                        e.getMessage(), retryDelay.toMillis());
                if (!sleep(retryDelay)) {
                    return;
                }
                retryDelay = min(retryDelay.multipliedBy(2), maxRetryDelay);
            }
        }
    }

    /** A stopped listener's thread leaves the cache alone: a newer one may be listening already. */
    private boolean current() {
        return worker == Thread.currentThread();
    }

    private void deliver(Connection connection, PGConnection notifications) throws SQLException {
        long lastHeard = System.nanoTime();
        while (current()) {
            PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
            if (heard != null && heard.length > 0) {
                for (PGNotification notification : heard) {
                    cache.changed(notification.getParameter());
                }
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > CHECK_IDLE_NANOS) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the connection does not answer");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "publish-service thread-change listener");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        // The driver class directly, not DriverManager, which may not see it from Quarkus' class loader.
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: the cache needs PostgreSQL's LISTEN/NOTIFY");
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
