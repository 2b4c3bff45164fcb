package io.parley.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The shared shape of Parley's consumers: read a polled batch, dead-letter the poison, hand the rest
 * to one transactional handler, retrying passing failures. When the batch as a whole fails for a
 * lasting reason, each event is retried alone so that only the culprit is dead-lettered. The caller
 * returns normally only when every record is either applied or dead-lettered; only then does
 * SmallRye acknowledge the batch and commit its offsets.
 *
 * @param <T> the event type
 * @param <R> what the handler returns for a batch (for example decisions to publish)
 */
public final class BatchConsumer<T, R> {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final String name;
    private final EventReader<?> reader;
    private final DeadLetters deadLetters;
    private final Function<List<T>, List<R>> handler;

    public BatchConsumer(String name, EventReader<?> reader, DeadLetters deadLetters,
                         Function<List<T>, List<R>> handler) {
        this.name = name;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.handler = handler;
    }

    @SuppressWarnings("unchecked")
    public List<R> consume(ConsumerRecords<String, byte[]> records) {
        List<IncomingEvent.Valid<T>> valid = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            IncomingEvent<?> read = reader.read(record);
            if (read instanceof IncomingEvent.Poison<?> poison) {
                deadLetters.send(record, poison.reason());
            } else {
                valid.add((IncomingEvent.Valid<T>) read);
            }
        }
        if (valid.isEmpty()) {
            return List.of();
        }
        List<T> events = valid.stream().map(IncomingEvent.Valid::event).toList();
        try {
            return Retrying.untilDone(name, () -> handler.apply(events));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("%s: batch of %d failed (%s); applying one by one", name, events.size(), batchFailure);
            List<R> results = new ArrayList<>();
            for (IncomingEvent.Valid<T> one : valid) {
                try {
                    results.addAll(Retrying.untilDone(name, () -> handler.apply(List.of(one.event()))));
                } catch (RuntimeException e) {
                    deadLetters.send(one.record(), "processing failed: " + e);
                }
            }
            return results;
        }
    }
}
