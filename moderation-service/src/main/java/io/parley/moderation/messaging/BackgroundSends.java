package io.parley.moderation.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs each batch's sending on a thread of its own while the consumer goes on with the next batch, and
 * acknowledges the batch (so that its offsets may be committed) only when the sending completed; a
 * failed sending nacks it. One batch is in flight at a time: {@link #send} first waits for the previous
 * batch's sending, so what is sent keeps the batches' order, and a failure there fails the next batch too.
 */
final class BackgroundSends implements AutoCloseable {

    private final ExecutorService sender;
    /** Replaced by each batch in turn; a consumer's batches never overlap. */
    private volatile CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    BackgroundSends(String threadName) {
        sender = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, threadName));
    }

    /** Waits for the previous batch's sending, then starts this one's and returns. */
    void send(Message<?> batch, Runnable sending) {
        previous.join();
        previous = CompletableFuture.runAsync(sending, sender).whenComplete((sent, failure) -> {
            if (failure == null) {
                batch.ack();
            } else {
                batch.nack(failure);
            }
        });
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
