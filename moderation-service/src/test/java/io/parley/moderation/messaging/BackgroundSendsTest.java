package io.parley.moderation.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BackgroundSendsTest {

    private final BackgroundSends sends = new BackgroundSends("test-sender");
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sends.close();
    }

    @Test
    void aBatchIsAcknowledgedOnlyOnceItsSendingCompleted() {
        CountDownLatch kafkaAnswers = new CountDownLatch(1);
        sends.send(batch("first"), () -> waitFor(kafkaAnswers));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(events::isEmpty);

        kafkaAnswers.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("ack first"));
    }

    @Test
    void theNextBatchWaitsUntilThePreviousOneWasAcknowledged() {
        CountDownLatch kafkaAnswers = new CountDownLatch(1);
        sends.send(batch("first"), () -> {
            waitFor(kafkaAnswers);
            events.add("sent first");
        });
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> sends.send(batch("second"), () -> events.add("sent second")));

        // One batch in flight: the consumer waits with the second batch until the first is acknowledged.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !second.isDone());
        kafkaAnswers.countDown();
        second.join();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 4);
        assertThat(events).containsExactly("sent first", "ack first", "sent second", "ack second");
    }

    @Test
    void aFailedSendingNacksItsBatchAndFailsTheNextOneUnsent() {
        sends.send(batch("first"), () -> {
            throw new IllegalStateException("broker gone");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("nack first"));

        assertThatThrownBy(() -> sends.send(batch("second"), () -> events.add("sent second")))
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("broker gone");
        assertThat(events).containsExactly("nack first");
    }

    private Message<String> batch(String name) {
        return Message.of(name, () -> {
            events.add("ack " + name);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            events.add("nack " + name);
            return CompletableFuture.completedFuture(null);
        });
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
