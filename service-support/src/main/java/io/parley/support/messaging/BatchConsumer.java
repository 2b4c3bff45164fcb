package io.parley.support.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.parley.support.tracing.CurrentTrace;
import io.parley.support.tracing.RecordSpans;
import io.parley.support.tracing.Traced;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared shape of Parley's consumers: read a polled batch, dead-letter the poison, hand the rest
 * to one transactional handler, retrying passing failures. When the batch as a whole fails for a
 * lasting reason, each event is retried alone so that only the culprit is dead-lettered. The caller
 * returns normally only when every record is either applied or dead-lettered; only then does
 * SmallRye acknowledge the batch and commit its offsets.
 * <p>
 * Each record gets a consumer span in the trace its producer started (see {@link RecordSpans}).
 *
 * @param <T> the event type
 * @param <R> what the handler returns for a batch (for example decisions to publish)
 */
public final class BatchConsumer<T, R> {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final String name;
    private final EventReader<?> reader;
    private final DeadLetters deadLetters;
    private final RecordSpans spans;
    private final Function<List<T>, List<R>> handler;

    public BatchConsumer(String name, EventReader<?> reader, DeadLetters deadLetters, OpenTelemetry openTelemetry,
                         Function<List<T>, List<R>> handler) {
        this.name = name;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.spans = new RecordSpans(openTelemetry);
        this.handler = handler;
    }

    public List<R> consume(ConsumerRecords<String, byte[]> records) {
        return process(records).results();
    }

    /**
     * Like {@link #consume}, with each result in the trace context of the record whose event has the
     * result's id, so that what the result causes downstream continues that record's trace.
     */
    public List<Traced<R>> consumeTraced(ConsumerRecords<String, byte[]> records,
                                         Function<T, ?> eventId, Function<R, ?> resultId) {
        Processed<T, R> processed = process(records);
        Map<Object, Context> contexts = new HashMap<>();
        processed.events().forEach(one -> contexts.put(eventId.apply(one.value().event()), one.context()));
        Context caller = CurrentTrace.context();
        return processed.results().stream()
                .map(result -> new Traced<>(result, contexts.getOrDefault(resultId.apply(result), caller)))
                .toList();
    }

    private record Processed<T, R>(List<Traced<IncomingEvent.Valid<T>>> events, List<R> results) {
    }

    @SuppressWarnings("unchecked")
    private Processed<T, R> process(ConsumerRecords<String, byte[]> records) {
        List<Context> traces = new ArrayList<>(records.count());
        try {
            List<Traced<IncomingEvent.Valid<T>>> valid = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                Context trace = spans.start(record);
                traces.add(trace);
                IncomingEvent<?> read = reader.read(record);
                if (read instanceof IncomingEvent.Poison<?> poison) {
                    deadLetter(record, poison.reason(), trace);
                } else {
                    valid.add(new Traced<>((IncomingEvent.Valid<T>) read, trace));
                }
            }
            return new Processed<>(valid, apply(valid));
        } finally {
            traces.forEach(RecordSpans::end);
        }
    }

    private List<R> apply(List<Traced<IncomingEvent.Valid<T>>> valid) {
        if (valid.isEmpty()) {
            return List.of();
        }
        List<T> events = valid.stream().map(one -> one.value().event()).toList();
        try {
            return Retrying.untilDone(name, () -> handler.apply(events));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("%s: batch of %d failed (%s); applying one by one", name, events.size(), batchFailure);
            List<R> results = new ArrayList<>();
            for (Traced<IncomingEvent.Valid<T>> one : valid) {
                try (Scope ignored = one.context().makeCurrent()) {
                    results.addAll(Retrying.untilDone(name, () -> handler.apply(List.of(one.value().event()))));
                } catch (RuntimeException e) {
                    deadLetter(one.value().record(), "processing failed: " + e, one.context());
                }
            }
            return results;
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, Context trace) {
        RecordSpans.fail(trace, reason);
        try (Scope ignored = trace.makeCurrent()) {
            deadLetters.send(record, reason);
        }
    }
}
