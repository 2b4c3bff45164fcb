package io.parley.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record read from a topic: either a usable event or poison with the reason it cannot be used. */
public sealed interface IncomingEvent<T> {

    ConsumerRecord<String, byte[]> record();

    record Valid<T>(ConsumerRecord<String, byte[]> record, T event) implements IncomingEvent<T> {
    }

    record Poison<T>(ConsumerRecord<String, byte[]> record, String reason) implements IncomingEvent<T> {
    }
}
