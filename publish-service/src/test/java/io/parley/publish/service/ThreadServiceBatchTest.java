package io.parley.publish.service;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.publish.service.ThreadCache.ThreadState;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One batch of decisions moves every thread it touched on, in one statement, and no other thread. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ThreadServiceBatchTest {

    @Inject
    ThreadService service;

    @Inject
    ThreadQuery query;

    @Test
    void batchCountsEachTouchedThreadAndLeavesOthersAlone() {
        String first = TestEvents.newPostId();
        String second = TestEvents.newPostId();
        service.apply(List.of(
                decision(first, Outcome.APPROVED), decision(first, Outcome.APPROVED),
                decision(second, Outcome.APPROVED), decision(second, Outcome.SPAM)));

        ThreadState firstBefore = state(first);
        ThreadState secondBefore = state(second);
        assertThat(firstBefore.count()).isEqualTo(2);
        assertThat(secondBefore.count()).isEqualTo(1);

        service.apply(List.of(decision(first, Outcome.APPROVED)));

        assertThat(state(first)).isEqualTo(new ThreadState(firstBefore.version() + 1, 3));
        assertThat(state(second)).isEqualTo(secondBefore);
    }

    /** Read as a request would, in its own persistence context (the test method's would hold the rows it read). */
    private ThreadState state(String postId) {
        return QuarkusTransaction.requiringNew().call(() -> query.state(postId));
    }

    private static ModerationDecision decision(String postId, Outcome outcome) {
        return TestEvents.decision(postId, UUID.randomUUID(), null, 1, outcome, "A comment on " + postId);
    }
}
