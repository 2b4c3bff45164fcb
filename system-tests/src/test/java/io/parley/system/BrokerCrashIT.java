package io.parley.system;

import io.parley.infra.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker is killed ({@code kill -9}) in the middle of a burst of submissions and started again.
 * Every comment that got a 202 must be decided and reach the read model exactly once; every other
 * answer must be a 503 (never a false 202, never a 500).
 */
class BrokerCrashIT {

    @RegisterExtension
    static final SystemStack SYSTEM = new SystemStack(1);

    @Test
    void everyAcknowledgedCommentSurvivesABrokerCrashExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ingest = SYSTEM.get().service(LocalStack.INGEST).url() + "/api/v1/comments";
        Map<Integer, String> accepted = new HashMap<>();
        List<Integer> refused = new ArrayList<>();
        for (int attempt = 0; attempt < 150; attempt++) {
            if (attempt == 50) {
                SYSTEM.get().kafka().kill();
            }
            if (attempt == 60) {
                SYSTEM.get().kafka().start();
            }
            Http.Reply reply = Http.postJson(ingest, """
                    {"postId": "crash-%s-%d", "author": {"name": "Reader"},
                     "body": "Attempt %d: a thoughtful remark on relay diversity."}""".formatted(run, attempt % 4, attempt, attempt));
            if (reply.status() == 202) {
                accepted.put(attempt, reply.body().get("id").asText());
            } else {
                assertThat(reply.status()).as("attempt %d", attempt).isEqualTo(503);
                refused.add(attempt);
            }
        }
        assertThat(refused).as("the crash was noticed").isNotEmpty();
        assertThat(accepted).as("ingest recovered").containsKey(149);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids("publish", "published_comment", run).containsAll(accepted.values()));

        List<String> decided = ids("moderation", "comment", run);
        List<String> published = ids("publish", "published_comment", run);
        assertThat(decided).doesNotHaveDuplicates().containsAll(accepted.values());
        assertThat(published).doesNotHaveDuplicates().containsAll(accepted.values());
        // A write cut off by the crash may have reached the log although the client was told 503:
        // it then exists once, never twice, and never more of them than there were 503s.
        assertThat(decided.size() - accepted.size()).isBetween(0, refused.size());
        System.out.printf("broker crash: %d acknowledged, %d refused with 503, %d of those written anyway, "
                + "0 lost, 0 duplicated%n", accepted.size(), refused.size(), decided.size() - accepted.size());
    }

    private static List<String> ids(String database, String table, String run) throws Exception {
        return Databases.ids(SYSTEM.get().postgres(), database, table, "crash-" + run + "-");
    }
}
