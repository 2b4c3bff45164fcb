package io.parley.system;

import io.parley.infra.LocalSecrets;
import io.parley.infra.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A moderator's decision travels the whole way: approving a held comment makes it appear in the
 * publish API, rejecting a published one takes it down, on the real broker and databases.
 */
class ModeratorDecisionIT {

    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(1);

    @Test
    void approvingAHeldCommentPublishesItAndRejectingItTakesItDown() {
        String postId = "moderated-" + UUID.randomUUID();
        String held = Http.postJson(ingest(), """
                {"postId": "%s", "author": {"name": "Newcomer"},
                 "body": "Interesting, see my write-up at https://example.org/notes for the details."}"""
                .formatted(postId)).body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> outcome(held) != null);
        if (!outcome(held).equals("pending")) {
            // the engine may decide it outright; a moderator sends it back to the queue first
            assertThat(decide(held, "reject").status()).isEqualTo(200);
        }

        assertThat(decide(held, "approve").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> publishedIds(postId).contains(held));

        assertThat(decide(held, "reject").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> !publishedIds(postId).contains(held));
    }

    private static String outcome(String id) {
        Http.Reply reply = Http.get(moderation() + "/api/v1/comments/" + id, admin());
        return reply.status() == 200 ? reply.body().get("outcome").asText() : null;
    }

    private static Http.Reply decide(String id, String action) {
        return Http.postJson(moderation() + "/api/v1/comments/" + id + "/decision",
                "{\"action\": \"" + action + "\", \"reason\": \"system test\"}", admin());
    }

    private static String publishedIds(String postId) {
        return Http.get(SYSTEM.get().service(LocalStack.PUBLISH).url() + "/api/v1/posts/" + postId + "/comments")
                .body().toString();
    }

    private static Map<String, String> admin() {
        String credentials = "admin:" + SYSTEM.get().secrets().get(LocalSecrets.ADMIN_PASSWORD);
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static String ingest() {
        return SYSTEM.get().service(LocalStack.INGEST).url() + "/api/v1/comments";
    }

    private static String moderation() {
        return SYSTEM.get().service(LocalStack.MODERATION).url();
    }
}
