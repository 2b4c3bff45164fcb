package io.parley.moderation.messaging;

import io.parley.events.CommentSubmitted;
import io.parley.events.Topics;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class ModerationMetricsTest {

    @Test
    void prometheusShowsDecisionsByOutcomeQueueDepthAndConsumerLag() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(), "A measured comment about relays.");
        TopicProbe.shared().sendJson(Topics.COMMENTS, event.postId(), event);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            return metrics.contains("parley_moderation_decisions_published_total{")
                    && metrics.contains("parley_moderation_queue_depth")
                    && metrics.contains("kafka_consumer_fetch_manager_records_lag");
        });
    }
}
