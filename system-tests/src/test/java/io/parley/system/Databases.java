package io.parley.system;

import io.parley.infra.PostgresNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the services' databases directly, as an auditor would: only tests do this, never a service. */
final class Databases {

    static final List<String> ALL = List.of("ingest", "moderation", "publish");

    private Databases() {
    }

    static Connection connect(PostgresNode postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresNode.user(database),
                PostgresNode.password(database));
    }

    /** Comment ids in {@code table} whose post id starts with {@code postPrefix}. */
    static List<String> ids(PostgresNode postgres, String database, String table, String postPrefix)
            throws SQLException {
        try (Connection connection = connect(postgres, database);
             PreparedStatement query = connection.prepareStatement(
                     "select id from " + table + " where post_id like ?")) {
            query.setString(1, postPrefix + "%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** The project's own tables of a database (Flyway's history excluded). */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                     + " and table_name <> 'flyway_schema_history'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Every value of every table of every service database, as text. */
    static String dumpAll(PostgresNode postgres) throws SQLException {
        StringBuilder dump = new StringBuilder();
        for (String database : ALL) {
            try (Connection connection = connect(postgres, database)) {
                for (String table : tables(connection)) {
                    try (Statement select = connection.createStatement();
                         ResultSet rows = select.executeQuery("select * from \"" + table + "\"")) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                dump.append(rows.getString(c)).append('\n');
                            }
                        }
                    }
                }
            }
        }
        return dump.toString();
    }
}
