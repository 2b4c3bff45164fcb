package io.parley.support.persistence;

import org.hibernate.Session;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Entities by id, read in one statement whatever their number. Hibernate's multi-load binds the ids as
 * one array ({@code id = any(?)}) on PostgreSQL, so every batch runs the same prepared statement; a query
 * with an {@code in} list was a new statement, re-planned by Hibernate and PostgreSQL, for every length.
 */
public final class EntitiesById {

    private EntitiesById() {
    }

    /** The entities found, by id; ids with no row are absent. Entities already in the session are reused. */
    public static <K, E> Map<K, E> load(Session session, Class<E> type, Collection<K> ids, Function<E, K> idOf) {
        Map<K, E> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (E entity : session.findMultiple(type, List.copyOf(ids))) {
            if (entity != null) {
                found.put(idOf.apply(entity), entity);
            }
        }
        return found;
    }
}
