package io.parley.ingest.rest;

import io.parley.infra.KafkaNode;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.SharedInfrastructure;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class KafkaUnavailableTest {

    @Test
    void withTheBrokerDownACommentIsRefusedWith503AndRetryAfterNeverA202() {
        KafkaNode kafka = SharedInfrastructure.get().kafka();
        String postId = TestEvents.newPostId();
        kafka.stop();
        try {
            ExtractableResponse<Response> refused = given().contentType(ContentType.JSON)
                    .body(CommentRequests.json(postId, "Ada", "Written while the broker is down"))
                    .post("/api/v1/comments").then().extract();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            // answered within the bound: the client is not left hanging
            assertThat(refused.time()).isLessThan(Duration.ofSeconds(10).toMillis());
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().contentType(ContentType.JSON)
                .body(CommentRequests.json(postId, "Ada", "Written after the broker came back"))
                .post("/api/v1/comments").then().extract().statusCode() == 202);
        assertThat(IngestEvents.events(postId)).hasSize(1);
    }
}
