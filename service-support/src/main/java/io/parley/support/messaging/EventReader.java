package io.parley.support.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.events.VersionedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the raw bytes of a record as an event of the contract. Anything a consumer must not act
 * on is reported as {@link IncomingEvent.Poison} rather than thrown, so one bad record never stops a
 * partition: malformed JSON, a schema version this code does not know, missing identity fields, or a
 * key that is not the event's post id (which would break per-thread ordering).
 */
public final class EventReader<T extends VersionedEvent> {

    private final ObjectMapper mapper;
    private final Class<T> type;
    private final Function<T, String> keyOf;
    private final Function<T, Object> idOf;

    public EventReader(ObjectMapper mapper, Class<T> type, Function<T, String> keyOf, Function<T, Object> idOf) {
        this.mapper = mapper;
        this.type = type;
        this.keyOf = keyOf;
        this.idOf = idOf;
    }

    public IncomingEvent<T> read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return new IncomingEvent.Poison<>(record, "empty value");
        }
        T event;
        try {
            event = mapper.readValue(record.value(), type);
        } catch (IOException | RuntimeException e) {
            return new IncomingEvent.Poison<>(record, "unreadable: " + firstLine(e.getMessage()));
        }
        if (event == null) {
            return new IncomingEvent.Poison<>(record, "unreadable: null");
        }
        if (!event.hasSupportedSchema()) {
            return new IncomingEvent.Poison<>(record, "unsupported schema version " + event.schemaVersion());
        }
        if (idOf.apply(event) == null || keyOf.apply(event) == null) {
            return new IncomingEvent.Poison<>(record, "missing id or post id");
        }
        if (!Objects.equals(record.key(), keyOf.apply(event))) {
            return new IncomingEvent.Poison<>(record, "key " + record.key() + " is not the event's post id");
        }
        return new IncomingEvent.Valid<>(record, event);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
