package io.parley.publish.rest;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.publish.Decisions;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Nesting, the depth limit and placeholders for removed comments. Test config: max depth 4. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ThreadStructureTest {

    private final Decisions decisions = Decisions.forNewPost();

    @Test
    void replyIsNestedUnderItsParentAndCounted() {
        ModerationDecision parent = decisions.approve(null, "parent");
        ModerationDecision reply = decisions.approve(parent.commentId(), "reply");

        decisions.awaitCount(2)
                .body("comments.id", contains(id(parent)))
                .body("comments[0].replies.id", contains(id(reply)))
                .body("comments[0].replies[0].parentId", equalTo(id(parent)));
    }

    @Test
    void repliesDeeperThanTheMaximumAreListedUnderTheDeepestLevel() {
        List<ModerationDecision> chain = new ArrayList<>();
        UUID parent = null;
        for (int level = 1; level <= 6; level++) {
            ModerationDecision comment = decisions.approve(parent, "level " + level);
            chain.add(comment);
            parent = comment.commentId();
        }

        decisions.awaitCount(6)
                .body("comments.id", contains(id(chain.get(0))))
                .body("comments[0].replies.id", contains(id(chain.get(1))))
                .body("comments[0].replies[0].replies.id", contains(id(chain.get(2))))
                .body("comments[0].replies[0].replies[0].replies.id", contains(id(chain.get(3))))
                // level 4 is the deepest shown: levels 5 and 6 sit under it, oldest first, keeping their parent ids
                .body("comments[0].replies[0].replies[0].replies[0].replies.id",
                        contains(id(chain.get(4)), id(chain.get(5))))
                .body("comments[0].replies[0].replies[0].replies[0].replies[1].parentId", equalTo(id(chain.get(4))))
                .body("comments[0].replies[0].replies[0].replies[0].replies[0].replies", empty());
    }

    @Test
    void removedCommentWithVisibleRepliesLeavesAPlaceholder() {
        UUID removed = UUID.randomUUID();
        decisions.send(removed, null, 1, Outcome.APPROVED, "will be removed");
        ModerationDecision reply = decisions.approve(removed, "a reply worth keeping");
        decisions.awaitCount(2);

        decisions.send(removed, null, 2, Outcome.REJECTED, "will be removed");
        decisions.awaitCount(1)
                .body("comments.id", contains(removed.toString()))
                .body("comments[0].removed", equalTo(true))
                .body("comments[0].author", nullValue())
                .body("comments[0].html", nullValue())
                .body("comments[0].replies.id", contains(id(reply)))
                .body("comments[0].replies[0].removed", equalTo(false));
    }

    @Test
    void withdrawnCommentWithRepliesLeavesAPlaceholderToo() {
        UUID withdrawn = UUID.randomUUID();
        decisions.send(withdrawn, null, 1, Outcome.APPROVED, "never mind");
        decisions.approve(withdrawn, "reply");
        decisions.awaitCount(2);

        decisions.send(withdrawn, null, 2, Outcome.WITHDRAWN, "never mind");
        decisions.awaitCount(1).body("comments[0].removed", equalTo(true));
    }

    @Test
    void removedCommentWithoutVisibleRepliesLeavesNothing() {
        UUID removed = UUID.randomUUID();
        UUID removedReply = UUID.randomUUID();
        decisions.send(removed, null, 1, Outcome.APPROVED, "parent");
        decisions.send(removedReply, removed, 1, Outcome.APPROVED, "reply");
        ModerationDecision other = decisions.approve(null, "unrelated");
        decisions.awaitCount(3);

        decisions.send(removedReply, removed, 2, Outcome.SPAM, "reply");
        decisions.send(removed, null, 2, Outcome.SPAM, "parent");
        decisions.awaitCount(1).body("comments.id", contains(id(other)));
    }

    @Test
    void placeholderDisappearsWhenItsLastReplyIsRemoved() {
        UUID removed = UUID.randomUUID();
        UUID reply = UUID.randomUUID();
        ModerationDecision other = decisions.approve(null, "unrelated");
        decisions.send(removed, null, 1, Outcome.APPROVED, "parent");
        decisions.send(reply, removed, 1, Outcome.APPROVED, "reply");
        decisions.send(removed, null, 2, Outcome.REJECTED, "parent");
        decisions.awaitCount(2);

        decisions.send(reply, removed, 2, Outcome.REJECTED, "reply");
        decisions.awaitCount(1).body("comments.id", contains(id(other)));
    }

    @Test
    void heldCommentNeverPublishedLeavesNoPlaceholderAndItsReplyStaysVisible() {
        UUID held = UUID.randomUUID();
        decisions.send(held, null, 1, Outcome.PENDING, "held");
        ModerationDecision reply = decisions.approve(held, "reply to a held comment");

        decisions.awaitCount(1)
                .body("comments.id", contains(id(reply)))
                .body("comments[0].parentId", equalTo(held.toString()));
    }

    private static String id(ModerationDecision decision) {
        return decision.commentId().toString();
    }
}
