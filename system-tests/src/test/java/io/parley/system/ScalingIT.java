package io.parley.system;

import io.parley.infra.LocalStack;
import io.parley.infra.PostgresNode;
import io.parley.infra.ServiceNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances each of moderation and publish share the work through their consumer groups; one of
 * each is killed ({@code kill -9}) mid-stream. Every acknowledged comment must still be decided once
 * and reach the read model once.
 */
class ScalingIT {

    private static final int COMMENTS = 240;
    private static final int POSTS = 8;

    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(2);

    @Test
    void killingOneInstanceOfEachConsumerMidStreamLosesAndDuplicatesNothing() throws Exception {
        List<ServiceNode> moderation = SYSTEM.get().instances(LocalStack.MODERATION).toList();
        List<ServiceNode> publish = SYSTEM.get().instances(LocalStack.PUBLISH).toList();
        assertThat(moderation).hasSize(2);
        assertThat(publish).hasSize(2);

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < COMMENTS; i++) {
            if (i == COMMENTS / 3) {
                moderation.get(1).kill();
                publish.get(1).kill();
            }
            Http.Reply reply = Http.postJson(SYSTEM.get().service(LocalStack.INGEST).url() + "/api/v1/comments", """
                    {"postId": "scale-%s-%d", "author": {"name": "Reader %d"},
                     "body": "Comment number %d on why relays matter for everyone's privacy."}"""
                    .formatted(run, i % POSTS, i, i));
            if (reply.status() == 202) {
                accepted.add(reply.body().get("id").asText());
            } else {
                refused.incrementAndGet();
            }
        }
        assertThat(refused.get()).as("ingest never refused: the broker was up").isZero();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> idsIn("publish", "published_comment", "", run).size() == accepted.size());

        List<String> decided = idsIn("moderation", "comment", "", run);
        List<String> published = idsIn("publish", "published_comment", "", run);
        assertThat(decided).as("each comment stored by moderation once").hasSize(accepted.size())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(published).as("each comment in the read model once").hasSize(accepted.size())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(visibleInApi(run)).as("the API shows exactly the visible rows")
                .isEqualTo(new HashSet<>(idsIn("publish", "published_comment", "visible and ", run)));
    }

    private static Set<String> visibleInApi(String run) {
        Set<String> ids = new HashSet<>();
        for (int p = 0; p < POSTS; p++) {
            String url = SYSTEM.get().service(LocalStack.PUBLISH).url() + "/api/v1/posts/scale-" + run + "-" + p
                    + "/comments?limit=100";
            collect(Http.get(url).body().get("comments"), ids);
        }
        return ids;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode comments, Set<String> ids) {
        comments.forEach(c -> {
            ids.add(c.get("id").asText());
            if (c.has("replies")) {
                collect(c.get("replies"), ids);
            }
        });
    }

    /** Comment ids of this run's posts in a service's own database (read directly, as an auditor would). */
    private static List<String> idsIn(String database, String table, String condition, String run)
            throws SQLException {
        PostgresNode postgres = SYSTEM.get().postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database),
                PostgresNode.user(database), PostgresNode.password(database));
             PreparedStatement query = connection.prepareStatement(
                     "select id from " + table + " where " + condition + "post_id like ?")) {
            query.setString(1, "scale-" + run + "-%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
