package io.parley.ingest.messaging;

import io.parley.events.Topics;
import io.parley.support.messaging.ProducerWarmUp;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What ingest fetches at startup so its first comment and first post do not wait for Kafka's metadata. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ProducerWarmUpTest {

    @Inject
    ProducerWarmUp warmUp;

    @Test
    void startupFetchesTheMetadataOfTheCommentsAndPostsTopics() throws Exception {
        Map<String, Integer> partitions = warmUp.atStartup().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(partitions).containsOnlyKeys(Topics.COMMENTS, Topics.POSTS);
        assertThat(partitions.values()).allSatisfy(count -> assertThat(count).isPositive());
    }
}
