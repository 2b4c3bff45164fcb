package io.parley.ingest.messaging;

import io.parley.support.messaging.ProducerWarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tests start once the producers' topic metadata is fetched. Ingest starts without waiting for it, so
 * that it runs (and answers 503) while Kafka is unreachable; but a test registering a post straight
 * after the start could then lose the race to the fetch on a busy machine and see the 503 that is right
 * for a slow Kafka ("not present in metadata after 3000 ms"), which is not what it tests. Runs after
 * {@link ProducerWarmUp}'s own observer, which has the default priority.
 */
@ApplicationScoped
class WarmProducersBeforeTests {

    void awaitWarmUp(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent start,
                     ProducerWarmUp warmUp) throws InterruptedException {
        try {
            warmUp.atStartup().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Logged by the warm-up; a test that needs Kafka fails on its own.
        }
    }
}
