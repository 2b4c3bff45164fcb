package io.parley.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.infra.LocalStack;
import io.parley.infra.ServiceNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three packaged services, one real broker and one real PostgreSQL: a comment posted to ingest
 * travels through Kafka and moderation to the publish API.
 */
class CommentPipelineIT {

    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(1);

    @Test
    void everyServiceIsReadyWithKafkaAndItsDatabase() {
        for (ServiceNode service : SYSTEM.get().services()) {
            Http.Reply ready = Http.get(service.url() + "/q/health/ready");
            assertThat(ready.status()).as(service.name()).isEqualTo(200);
            assertThat(ready.body().toString()).as(service.name()).contains("Reactive Messaging");
        }
    }

    @Test
    void postedCommentAppearsInThePublishApi() {
        String postId = "post-" + UUID.randomUUID();
        String id = submit(postId, "Ada", "Thanks for the *clear* explanation.");

        JsonNode thread = awaitThread(postId, 1);
        JsonNode comment = thread.get("comments").get(0);
        assertThat(comment.get("id").asText()).isEqualTo(id);
        assertThat(comment.get("author").get("name").asText()).isEqualTo("Ada");
        assertThat(comment.get("html").asText()).isEqualTo("<p>Thanks for the <em>clear</em> explanation.</p>");
    }

    @Test
    void spamTheModerationEngineCatchesNeverAppears() {
        String postId = "post-" + UUID.randomUUID();
        String held = submit(postId, "cheap jerseys online",
                "Wholesale cheap NFL jerseys from China, best price, buy now at https://jerseys.example/cheap");
        // Same post, same partition: once the later comment is published, the earlier one was decided.
        String later = submit(postId, "Ada", "Thanks for the clear explanation of how bridges differ from relays;"
                + " it helped me set one up for my family.");

        JsonNode thread = awaitThread(postId, 1);
        List<String> ids = new ArrayList<>();
        thread.get("comments").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactly(later).doesNotContain(held);
    }

    private static String submit(String postId, String name, String body) {
        Http.Reply reply = Http.postJson(SYSTEM.get().service(LocalStack.INGEST).url() + "/api/v1/comments",
                """
                {"postId": %s, "author": {"name": %s}, "body": %s}""".formatted(
                        quote(postId), quote(name), quote(body)));
        assertThat(reply.status()).isEqualTo(202);
        return reply.body().get("id").asText();
    }

    private static JsonNode awaitThread(String postId, int count) {
        String url = SYSTEM.get().service(LocalStack.PUBLISH).url() + "/api/v1/posts/" + postId + "/comments";
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url).body().get("count").asInt() == count);
        return Http.get(url).body();
    }

    private static String quote(String value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
