package io.parley.ingest.messaging;

/** The event was not acknowledged by Kafka; the client must be told to retry, never that it succeeded. */
public class EventNotWrittenException extends RuntimeException {

    public EventNotWrittenException(String message) {
        super(message);
    }
}
