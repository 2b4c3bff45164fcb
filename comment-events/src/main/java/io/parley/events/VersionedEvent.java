package io.parley.events;

/**
 * Carries the schema version of the wire format. Consumers refuse versions they do not know
 * (they go to the dead-letter topic) instead of guessing at their meaning.
 */
public interface VersionedEvent {

    /** The only schema version this contract defines. Additive, optional fields keep it; anything else raises it. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    default boolean hasSupportedSchema() {
        return schemaVersion() == SCHEMA_VERSION;
    }
}
