package io.parley.support.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * One column of many rows as one SQL array, for statements that write or read a whole batch through
 * {@code unnest(?::type[], ...)}: one statement and one plan whatever the batch's size, where an entity
 * per row cost more in Hibernate's flush than the database spent on the rows.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static <R> Array of(Connection connection, String type, Collection<R> rows, Function<R, ?> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }

    /** As ISO-8601 text with its offset ({@code timestamptz[]}), so the session's time zone cannot shift them. */
    public static <R> Array instants(Connection connection, Collection<R> rows, Function<R, Instant> column)
            throws SQLException {
        return of(connection, "timestamptz", rows, row -> {
            Instant instant = column.apply(row);
            return instant == null ? null : instant.toString();
        });
    }
}
