package io.parley.moderation.messaging;

import io.parley.events.CommentSubmitted;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.Topics;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.parley.support.messaging.DeadLetters;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.SharedInfrastructure;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class CommentEventConsumerTest {

    private final TopicProbe topics = TopicProbe.shared();

    @Inject
    ModeratedCommentRepository comments;

    @Inject
    DecisionRecordRepository decisions;

    @Test
    void commentWithoutLinkIsApprovedAndItsDecisionPublishedKeyedByPost() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(), "Great write-up, thanks.");
        topics.sendJson(Topics.COMMENTS, event.postId(), event);

        ModerationDecision decision = awaitDecision(event.commentId());
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.version()).isEqualTo(1);
        assertThat(decision.body()).isEqualTo(event.body());
        assertThat(decision.author().name()).isEqualTo("Ada");
        assertThat(decision.submittedAt()).isEqualTo(event.occurredAt());
    }

    /** Batches are acknowledged by hand once their decisions are in Kafka; without that no offset would move. */
    @Test
    void theGroupsOffsetPassesACommentOnceItsDecisionIsPublished() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(), "Committed after its decision.");
        topics.sendJson(Topics.COMMENTS, event.postId(), event);
        ConsumerRecord<String, byte[]> sent = topics.awaitRecord(Topics.COMMENTS,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(event.commentId().toString()));
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());

        awaitDecision(event.commentId());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("moderation-service")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    @Test
    void spammyCommentWithLinkIsNotPublishedAndStoredWithItsReason() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(), "buy now http://spam.example");
        topics.sendJson(Topics.COMMENTS, event.postId(), event);

        assertThat(awaitDecision(event.commentId()).outcome()).isIn(Outcome.PENDING, Outcome.SPAM);
        var history = QuarkusTransaction.requiringNew().call(() -> decisions.history(event.commentId()));
        assertThat(history).singleElement().satisfies(d -> {
            assertThat(d.outcome).isIn(Outcome.PENDING, Outcome.SPAM);
            assertThat(d.reason).contains("link");
            assertThat(d.decidedBy).isEqualTo("auto");
        });
    }

    @Test
    void redeliveredSubmissionIsStoredOnceAndItsDecisionRepeatedUnchanged() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(), "Said twice by the network.");
        topics.sendJson(Topics.COMMENTS, event.postId(), event);
        topics.sendJson(Topics.COMMENTS, event.postId(), event);

        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(event.commentId()).size() == 2);
        assertThat(decisionsFor(event.commentId())).extracting(ModerationDecision::version).containsOnly(1L);
        assertThat(QuarkusTransaction.requiringNew().call(() -> comments.count("postId", event.postId())))
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> decisions.history(event.commentId()))).hasSize(1);
    }

    @Test
    void malformedJsonIsDeadLetteredAndConsumptionContinues() {
        String postId = TestEvents.newPostId();
        topics.send(Topics.COMMENTS, postId, "{not json".getBytes(StandardCharsets.UTF_8));
        CommentSubmitted after = TestEvents.submitted(postId, "Still heard after the poison.");
        topics.sendJson(Topics.COMMENTS, postId, after);

        ConsumerRecord<String, byte[]> dead = topics.awaitRecord(Topics.COMMENTS_DEAD_LETTER,
                r -> postId.equals(r.key()));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead, DeadLetters.REASON_HEADER)).startsWith("unreadable");
        assertThat(awaitDecision(after.commentId()).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void unknownSchemaVersionIsDeadLettered() {
        CommentSubmitted valid = TestEvents.submitted(TestEvents.newPostId(), "from the future");
        CommentSubmitted future = new CommentSubmitted(99, valid.commentId(), 1, valid.postId(), null, valid.author(),
                valid.body(), valid.occurredAt(), valid.authorKey(), valid.signals());
        topics.sendJson(Topics.COMMENTS, future.postId(), future);

        ConsumerRecord<String, byte[]> dead = topics.awaitRecord(Topics.COMMENTS_DEAD_LETTER,
                r -> future.postId().equals(r.key()));
        assertThat(header(dead, DeadLetters.REASON_HEADER)).contains("schema version 99");
        assertThat(QuarkusTransaction.requiringNew().call(() -> comments.findById(future.commentId()))).isNull();
    }

    @Test
    void eventUnderAnotherPostsKeyIsDeadLettered() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(), "misrouted");
        String wrongKey = TestEvents.newPostId();
        topics.sendJson(Topics.COMMENTS, wrongKey, event);

        ConsumerRecord<String, byte[]> dead = topics.awaitRecord(Topics.COMMENTS_DEAD_LETTER,
                r -> wrongKey.equals(r.key()));
        assertThat(header(dead, DeadLetters.REASON_HEADER)).contains("is not the event's post id");
    }

    private ModerationDecision awaitDecision(UUID commentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !decisionsFor(commentId).isEmpty());
        return decisionsFor(commentId).get(0);
    }

    private List<ModerationDecision> decisionsFor(UUID commentId) {
        return topics.readAll(Topics.DECISIONS).stream()
                .map(r -> TopicProbe.parse(r.value(), ModerationDecision.class))
                .filter(d -> d.commentId().equals(commentId))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
