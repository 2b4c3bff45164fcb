package io.parley.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.infra.LocalStack;
import io.parley.infra.ServiceNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes and restarts of the parts a comment travels through, on the real broker and database:
 * after each, every acknowledged comment is in moderation's and publish's databases exactly once.
 */
class FaultsIT {

    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(1);

    @Test
    void postgresRestartedUnderLoadLosesNothing() throws Exception {
        String run = "pg-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            if (i == 30) {
                SYSTEM.get().postgres().stop();
            }
            if (i == 60) {
                SYSTEM.get().postgres().start();
            }
            accepted.add(submit(run + (i % 3), i));
        }
        assertEventuallyExactlyOnce(run, accepted);
    }

    @Test
    void moderationKilledMidBacklogAndRestartedLosesAndDuplicatesNothing() throws Exception {
        ServiceNode moderation = SYSTEM.get().service(LocalStack.MODERATION);
        String run = "backlog-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        moderation.stop();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            accepted.add(submit(run + (i % 5), i));
        }
        moderation.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !Databases.ids(SYSTEM.get().postgres(), "moderation", "comment", run).isEmpty());
        moderation.kill();
        int decidedBeforeCrash = Databases.ids(SYSTEM.get().postgres(), "moderation", "comment", run).size();
        moderation.start();
        assertEventuallyExactlyOnce(run, accepted);
        System.out.printf("moderation killed after %d of %d backlog comments were decided; 0 lost, 0 duplicated%n",
                decidedBeforeCrash, accepted.size());
    }

    @Test
    void readModelRebuiltFromTheDecisionsTopicMatchesTheLiveOne() throws Exception {
        String run = "replay-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            accepted.add(submit(run + (i % 4), i));
        }
        assertEventuallyExactlyOnce(run, accepted);
        Map<String, JsonNode> live = threads(run, 4);

        ServiceNode publish = SYSTEM.get().service(LocalStack.PUBLISH);
        publish.stop();
        try (Connection connection = Databases.connect(SYSTEM.get().postgres(), "publish");
             Statement statement = connection.createStatement()) {
            for (String table : Databases.tables(connection)) {
                statement.execute("truncate table \"" + table + "\" cascade");
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                (Object) SYSTEM.get().kafka().bootstrapServers()))) {
            // no committed offsets: publish reads the decisions topic from the beginning again
            admin.deleteConsumerGroups(List.of("publish-service")).all().get(30, TimeUnit.SECONDS);
        }
        publish.start();

        assertEventuallyExactlyOnce(run, accepted);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(threads(run, 4)).isEqualTo(live));
    }

    private static String submit(String postId, int i) {
        Http.Reply reply = Http.postJson(SYSTEM.get().service(LocalStack.INGEST).url() + "/api/v1/comments", """
                {"postId": "%s", "author": {"name": "Reader %d"},
                 "body": "Comment %d: relays, bridges and onion services keep readers safe."}""".formatted(postId, i, i));
        assertThat(reply.status()).as("submission %d", i).isEqualTo(202);
        return reply.body().get("id").asText();
    }

    private static void assertEventuallyExactlyOnce(String run, List<String> accepted) throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Databases.ids(SYSTEM.get().postgres(), "publish", "published_comment", run).size()
                        >= accepted.size());
        assertThat(Databases.ids(SYSTEM.get().postgres(), "moderation", "comment", run))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(Databases.ids(SYSTEM.get().postgres(), "publish", "published_comment", run))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
    }

    private static Map<String, JsonNode> threads(String run, int posts) {
        Map<String, JsonNode> threads = new LinkedHashMap<>();
        for (int p = 0; p < posts; p++) {
            threads.put(run + p, Http.get(SYSTEM.get().service(LocalStack.PUBLISH).url() + "/api/v1/posts/" + run + p
                    + "/comments?limit=100").body());
        }
        return threads;
    }
}
