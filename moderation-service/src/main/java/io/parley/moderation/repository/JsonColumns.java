package io.parley.moderation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A {@code jsonb} column's value as the text a statement binds; the entities read it back through Hibernate. */
final class JsonColumns {

    private JsonColumns() {
    }

    static String write(ObjectMapper json, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + value.getClass().getSimpleName(), e);
        }
    }
}
