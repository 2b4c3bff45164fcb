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

/**
 * One batch of decisions moves every thread it touched on, in one statement, and no other thread; a
 * thread's count follows its comments as they are shown, hidden and shown again.
 */
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

    @Test
    void countFollowsCommentsHiddenAndShownAgainAndIgnoresRepeats() {
        String post = TestEvents.newPostId();
        UUID kept = UUID.randomUUID();
        UUID flagged = UUID.randomUUID();
        service.apply(List.of(decision(post, kept, 1, Outcome.APPROVED), decision(post, flagged, 1, Outcome.APPROVED)));
        assertThat(state(post).count()).isEqualTo(2);

        service.apply(List.of(decision(post, flagged, 2, Outcome.SPAM)));
        assertThat(state(post).count()).isEqualTo(1);

        service.apply(List.of(decision(post, flagged, 3, Outcome.APPROVED)));
        ThreadState shownAgain = state(post);
        assertThat(shownAgain.count()).isEqualTo(2);

        // Redelivered and stale decisions change neither the count nor the version.
        service.apply(List.of(decision(post, flagged, 3, Outcome.APPROVED), decision(post, kept, 1, Outcome.APPROVED),
                decision(post, flagged, 2, Outcome.SPAM)));
        assertThat(state(post)).isEqualTo(shownAgain);
    }

    @Test
    void aCommentHeldThenApprovedIsCountedOnce() {
        String post = TestEvents.newPostId();
        UUID held = UUID.randomUUID();
        service.apply(List.of(decision(post, held, 1, Outcome.PENDING)));
        assertThat(state(post).count()).isZero();

        service.apply(List.of(decision(post, held, 2, Outcome.APPROVED), decision(post, held, 3, Outcome.APPROVED)));

        assertThat(state(post).count()).isEqualTo(1);
    }

    /** Read as a request would, in its own persistence context (the test method's would hold the rows it read). */
    private ThreadState state(String postId) {
        return QuarkusTransaction.requiringNew().call(() -> query.state(postId));
    }

    private static ModerationDecision decision(String postId, Outcome outcome) {
        return decision(postId, UUID.randomUUID(), 1, outcome);
    }

    private static ModerationDecision decision(String postId, UUID commentId, long version, Outcome outcome) {
        return TestEvents.decision(postId, commentId, null, version, outcome, "A comment on " + postId);
    }
}
