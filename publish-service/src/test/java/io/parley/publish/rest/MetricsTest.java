package io.parley.publish.rest;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.Topics;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class MetricsTest {

    @Test
    void prometheusShowsEndToEndLatencyConsumerLagAndHttpMetrics() {
        String postId = TestEvents.newPostId();
        ModerationDecision decision = TestEvents.decision(postId, UUID.randomUUID(), null, 1, Outcome.APPROVED, "hi");
        TopicProbe.shared().sendJson(Topics.DECISIONS, postId, decision);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/v1/posts/{p}/comments", postId).then().extract().<Integer>path("count") == 1);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("parley_comment_submission_to_visible_seconds_count"))
                .body(containsString("parley_comment_submission_to_visible_seconds_bucket"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"))
                .body(containsString("http_server_requests_seconds_count"));
    }
}
