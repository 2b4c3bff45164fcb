package io.parley.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of PostgreSQL's child JVM: {@code dataDir port database...}. Keeps the data directory
 * between runs, creates a database and an owner role per name, prints {@value PostgresNode#READY_MARKER}
 * and runs until its parent goes away, then shuts the server down.
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        List<String> databases = Arrays.asList(args).subList(2, args.length);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "localhost")
                .setRegisterShutdownHook(true)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                createDatabase(statement, database);
            }
        }
        System.out.println(PostgresNode.READY_MARKER + " localhost:" + port);
        System.out.flush();
        ParentWatch.awaitEndOfInputThenExit();
    }

    private static void createDatabase(Statement statement, String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + database);
        }
        String role = PostgresNode.user(database);
        if (!exists(statement, "select 1 from pg_roles where rolname = '" + role + "'")) {
            statement.execute("create role " + role + " login password '" + PostgresNode.password(database) + "'");
        }
        if (!exists(statement, "select 1 from pg_database where datname = '" + database + "'")) {
            statement.execute("create database " + database + " owner " + role);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }
}
