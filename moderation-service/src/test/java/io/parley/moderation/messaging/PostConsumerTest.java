package io.parley.moderation.messaging;

import io.parley.events.CommentSubmitted;
import io.parley.events.PostUpdated;
import io.parley.events.Topics;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.Post;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.PostRepository;
import io.parley.support.messaging.DeadLetters;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class PostConsumerTest {

    private static final String POST_TEXT = "How browser fingerprinting works: canvas, fonts and audio APIs reveal "
            + "enough to track you without cookies. Tor Browser and resistFingerprinting make users look alike.";

    private final TopicProbe topics = TopicProbe.shared();
    private final PublishedDecisions published = new PublishedDecisions();

    @Inject
    PostRepository posts;

    @Inject
    DecisionRecordRepository decisions;

    @Test
    void postIsStoredAndANewerUpdateReplacesIt() {
        String postId = TestEvents.newPostId();
        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "Fingerprinting", "https://blog.example/fp",
                POST_TEXT, true, TestEvents.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> post(postId) != null);

        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "Fingerprinting, revised",
                "https://blog.example/fp", POST_TEXT, false, TestEvents.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !post(postId).commentsOpen);
        assertThat(post(postId).title).isEqualTo("Fingerprinting, revised");
    }

    @Test
    void olderUpdateDoesNotOverwriteANewerOne() {
        String postId = TestEvents.newPostId();
        var newer = TestEvents.now();
        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "Newer", null, POST_TEXT, true, newer));
        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "Older", null, POST_TEXT, true,
                newer.minusSeconds(60)));
        String marker = TestEvents.newPostId();
        topics.sendJson(Topics.POSTS, marker, PostUpdated.of(marker, "marker", null, "", true, TestEvents.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> post(postId) != null && post(marker) != null);
        assertThat(post(postId).title).isEqualTo("Newer");
    }

    @Test
    void malformedPostIsDeadLetteredToThePostsDeadLetterTopic() {
        String postId = TestEvents.newPostId();
        topics.send(Topics.POSTS, postId, "{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8));
        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "after", null, POST_TEXT, true, TestEvents.now()));

        var dead = topics.awaitRecord(Topics.POSTS_DEAD_LETTER, r -> postId.equals(r.key()));
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .startsWith("unreadable");
        await().atMost(Duration.ofSeconds(30)).until(() -> post(postId) != null);
    }

    @Test
    void commentOnARegisteredPostIsScoredForRelevance() {
        String postId = TestEvents.newPostId();
        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "Fingerprinting", null, POST_TEXT, true,
                TestEvents.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> post(postId) != null);

        CommentSubmitted onTopic = TestEvents.submitted(postId, "Does resistFingerprinting also hide the canvas?");
        CommentSubmitted offTopic = TestEvents.submitted(postId, "My cousin sells used tractors in Nebraska.");
        topics.sendJson(Topics.COMMENTS, postId, onTopic);
        topics.sendJson(Topics.COMMENTS, postId, offTopic);
        published.await(onTopic.commentId(), 1);
        published.await(offTopic.commentId(), 1);

        DecisionRecord related = QuarkusTransaction.requiringNew().call(() -> decisions.history(onTopic.commentId()))
                .get(0);
        DecisionRecord unrelated = QuarkusTransaction.requiringNew()
                .call(() -> decisions.history(offTopic.commentId())).get(0);
        assertThat(related.scores).containsKey("offTopic");
        assertThat(unrelated.scores.get("offTopic")).isGreaterThan(related.scores.get("offTopic"));
        assertThat(unrelated.rules).contains("off-topic");
    }

    @Test
    void aCommentAfterThePostsTextChangedIsJudgedAgainstTheNewText() {
        String postId = TestEvents.newPostId();
        Instant registered = TestEvents.now();
        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "Fingerprinting", null, POST_TEXT, true,
                registered));
        await().atMost(Duration.ofSeconds(30)).until(() -> post(postId) != null);
        CommentSubmitted before = TestEvents.submitted(postId, "Which harrows fit a small tractor?");
        topics.sendJson(Topics.COMMENTS, postId, before);
        published.await(before.commentId(), 1);

        topics.sendJson(Topics.POSTS, postId, PostUpdated.of(postId, "Tractors", null,
                "Choosing ploughs and harrows for a small tractor.", true, registered.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> post(postId).title.equals("Tractors"));
        CommentSubmitted after = TestEvents.submitted(postId, "Do harrows suit an old tractor?");
        topics.sendJson(Topics.COMMENTS, postId, after);
        published.await(after.commentId(), 1);

        assertThat(offTopic(before)).isEqualTo(1.0);
        assertThat(offTopic(after)).isLessThan(0.9);
    }

    private double offTopic(CommentSubmitted comment) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.history(comment.commentId())).get(0)
                .scores.get("offTopic");
    }

    private Post post(String postId) {
        return QuarkusTransaction.requiringNew().call(() -> posts.findById(postId));
    }
}
