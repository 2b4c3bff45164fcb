package io.parley.support.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Fetches each Kafka producer's topic metadata when the service starts. A producer otherwise fetches it
 * on its first send, and that wait counts against {@code max.block.ms}: ingest keeps that short so it
 * can answer 503 quickly when Kafka is down, and on a busy machine the first comment or post after a
 * start could get a 503 while Kafka is up. Startup does not wait for it, and a failure is only logged:
 * a service must start, and answer 503 where it has to, while Kafka is unreachable.
 */
@ApplicationScoped
public class ProducerWarmUp {

    private static final Logger LOG = Logger.getLogger(ProducerWarmUp.class);

    private final KafkaClientService kafka;
    private final Config config;
    private final CompletableFuture<Map<String, Integer>> atStartup = new CompletableFuture<>();

    public ProducerWarmUp(KafkaClientService kafka, Config config) {
        this.kafka = kafka;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        warmUp().subscribe().with(
                partitions -> {
                    LOG.debugf("producer metadata fetched: partitions per topic %s", partitions);
                    atStartup.complete(partitions);
                },
                failure -> {
                    LOG.warnf("no producer metadata at startup (%s): the first writes fetch it", failure.getMessage());
                    atStartup.completeExceptionally(failure);
                });
    }

    /** What the fetch at startup found: each producer channel's topic and its partition count. */
    public CompletionStage<Map<String, Integer>> atStartup() {
        return atStartup;
    }

    private Uni<Map<String, Integer>> warmUp() {
        return Multi.createFrom().iterable(kafka.getProducerChannels())
                .onItem().transformToUniAndMerge(channel -> {
                    String topic = config.getOptionalValue("mp.messaging.outgoing." + channel + ".topic", String.class)
                            .orElse(channel);
                    Producer<?, ?> producer = kafka.getProducer(channel).unwrap();
                    // Not on the connector's sending thread: a send queued behind a slow fetch would outlast
                    // the write timeout ingest promises its clients.
                    return Uni.createFrom().item(() -> Map.entry(topic, producer.partitionsFor(topic).size()))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                })
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
