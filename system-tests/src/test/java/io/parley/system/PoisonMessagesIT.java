package io.parley.system;

import io.parley.events.Topics;
import io.parley.infra.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison on every topic a service consumes (malformed JSON, an unknown schema version, a key that is
 * not the event's post id): each lands in that topic's dead-letter topic with its reason, and the
 * consumer goes on to the next, valid event.
 */
class PoisonMessagesIT {

    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(1);

    @Test
    void poisonOnTheCommentsTopicIsDeadLetteredAndModerationGoesOn() throws Exception {
        String postId = "poison-comments-" + UUID.randomUUID();
        sendPoison(Topics.COMMENTS, postId, submitted(postId), submitted("another-post"));
        send(Topics.COMMENTS, postId, submitted(postId));

        assertDeadLettered(Topics.COMMENTS_DEAD_LETTER, postId);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Databases.ids(SYSTEM.get().postgres(), "moderation", "comment", postId).size() == 1);
    }

    @Test
    void poisonOnTheDecisionsTopicIsDeadLetteredAndPublishGoesOn() throws Exception {
        String postId = "poison-decisions-" + UUID.randomUUID();
        sendPoison(Topics.DECISIONS, postId, decision(postId), decision("another-post"));
        send(Topics.DECISIONS, postId, decision(postId));

        assertDeadLettered(Topics.DECISIONS_DEAD_LETTER, postId);
        String url = SYSTEM.get().service(LocalStack.PUBLISH).url() + "/api/v1/posts/" + postId + "/comments";
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(url).body().get("count").asInt() == 1);
    }

    @Test
    void poisonOnThePostsTopicIsDeadLetteredAndModerationGoesOn() throws Exception {
        String postId = "poison-posts-" + UUID.randomUUID();
        sendPoison(Topics.POSTS, postId, post(postId), post("another-post"));
        send(Topics.POSTS, postId, post(postId));

        assertDeadLettered(Topics.POSTS_DEAD_LETTER, postId);
        await().atMost(Duration.ofSeconds(60)).until(() -> postRows(postId) == 1);
    }

    /** Malformed JSON, an unknown schema version and a misrouted event, all under {@code key}. */
    private static void sendPoison(String topic, String key, String validEvent, String otherPostsEvent)
            throws Exception {
        send(topic, key, "{\"not\": json");
        send(topic, key, validEvent.replace("\"schemaVersion\":1", "\"schemaVersion\":99"));
        send(topic, key, otherPostsEvent);
    }

    private static void assertDeadLettered(String deadLetterTopic, String key) {
        List<String> reasons = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            reasons.clear();
            for (ConsumerRecord<String, byte[]> record : readAll(deadLetterTopic)) {
                if (key.equals(record.key())) {
                    reasons.add(new String(record.headers().lastHeader("parley-dead-letter-reason").value(),
                            StandardCharsets.UTF_8));
                }
            }
            return reasons.size() >= 3;
        });
        assertThat(reasons).hasSize(3)
                .anySatisfy(r -> assertThat(r).startsWith("unreadable"))
                .anySatisfy(r -> assertThat(r).contains("schema version 99"))
                .anySatisfy(r -> assertThat(r).contains("is not the event's post id"));
    }

    private static String submitted(String postId) {
        return """
                {"type":"comment.submitted","schemaVersion":1,"commentId":"%s","version":1,"postId":"%s",\
                "parentId":null,"author":{"name":"Reader","email":null,"url":null},\
                "body":"A calm remark about bridges and relays.","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), postId, now());
    }

    private static String decision(String postId) {
        return """
                {"schemaVersion":1,"commentId":"%s","version":1,"postId":"%s","parentId":null,"outcome":"approved",\
                "author":{"name":"Reader","url":null},"body":"Shown.","submittedAt":"%s","decidedAt":"%s"}"""
                .formatted(UUID.randomUUID(), postId, now(), now());
    }

    private static String post(String postId) {
        return """
                {"schemaVersion":1,"postId":"%s","title":"On bridges","url":"https://blog.example/bridges",\
                "text":"How bridges help readers in censored networks.","commentsOpen":true,"updatedAt":"%s"}"""
                .formatted(postId, now());
    }

    private static int postRows(String postId) throws Exception {
        try (Connection connection = Databases.connect(SYSTEM.get().postgres(), "moderation");
             PreparedStatement query = connection.prepareStatement("select count(*) from post where id = ?")) {
            query.setString(1, postId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static void send(String topic, String key, String value) throws Exception {
        KafkaProbe.send(SYSTEM.get().kafka().bootstrapServers(), topic, key, value);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return KafkaProbe.readAll(SYSTEM.get().kafka().bootstrapServers(), topic);
    }
}
