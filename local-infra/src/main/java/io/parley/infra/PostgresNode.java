package io.parley.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One real PostgreSQL server, from Maven artifacts, in a child JVM. Each service gets its own
 * database and its own login role: {@code parley_<service>} with the same password, for local use only.
 */
public final class PostgresNode {

    static final String READY_MARKER = "PARLEY-POSTGRES-READY";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final List<String> databases;
    private ChildJvm jvm;

    public PostgresNode(Path dataDir, int port, List<String> databases) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.databases = List.copyOf(databases);
    }

    public synchronized PostgresNode start() {
        List<String> args = new ArrayList<>(List.of("-cp", InfraClasspath.get(), PostgresMain.class.getName(),
                dataDir.resolve("data").toString(), Integer.toString(port)));
        args.addAll(databases);
        jvm = ChildJvm.start("postgres", List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), args,
                Map.of(), dataDir.resolve("postgres.log"));
        jvm.awaitLogLine(READY_MARKER, STARTUP_TIMEOUT);
        return this;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public static String user(String database) {
        return "parley_" + database;
    }

    public static String password(String database) {
        return user(database);
    }

    public int port() {
        return port;
    }

    /** Stops the server cleanly (a fast shutdown), keeping its data. */
    public synchronized void stop() {
        if (jvm != null) {
            jvm.stop(Duration.ofSeconds(30));
            jvm = null;
        }
    }

    public synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }
}
