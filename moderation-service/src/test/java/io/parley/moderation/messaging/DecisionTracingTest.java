package io.parley.moderation.messaging;

import io.parley.events.CommentSubmitted;
import io.parley.events.Topics;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.parley.testsupport.TraceParents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What moderation writes continues the trace of the record that caused it. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class DecisionTracingTest {

    private final TopicProbe topics = TopicProbe.shared();

    @Test
    void decisionIsPublishedInTheTraceOfTheCommentEvent() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(), "Traced all the way.");
        String producer = TraceParents.random();

        topics.sendJson(Topics.COMMENTS, event.postId(), event, Map.of(TraceParents.HEADER, producer));

        String decision = TraceParents.of(decisionRecord(event));
        assertThat(decision).isNotNull();
        assertThat(TraceParents.traceId(decision)).isEqualTo(TraceParents.traceId(producer));
        assertThat(TraceParents.spanId(decision)).isNotEqualTo(TraceParents.spanId(producer));
    }

    @Test
    void eventsReadTogetherKeepTheirOwnTraces() {
        String postId = TestEvents.newPostId();
        CommentSubmitted first = TestEvents.submitted(postId, "First of two.");
        CommentSubmitted second = TestEvents.submitted(postId, "Second of two.");
        String firstTrace = TraceParents.random();
        String secondTrace = TraceParents.random();

        topics.sendJson(Topics.COMMENTS, postId, first, Map.of(TraceParents.HEADER, firstTrace));
        topics.sendJson(Topics.COMMENTS, postId, second, Map.of(TraceParents.HEADER, secondTrace));

        assertThat(TraceParents.traceId(TraceParents.of(decisionRecord(first))))
                .isEqualTo(TraceParents.traceId(firstTrace));
        assertThat(TraceParents.traceId(TraceParents.of(decisionRecord(second))))
                .isEqualTo(TraceParents.traceId(secondTrace));
    }

    @Test
    void deadLetterContinuesTheTraceOfThePoisonRecord() {
        String postId = TestEvents.newPostId();
        String producer = TraceParents.random();
        String marker = "not json " + postId;

        topics.send(Topics.COMMENTS, postId, marker.getBytes(StandardCharsets.UTF_8),
                Map.of(TraceParents.HEADER, producer));

        ConsumerRecord<String, byte[]> deadLetter = topics.awaitRecord(Topics.COMMENTS_DEAD_LETTER,
                r -> postId.equals(r.key()));
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo(marker);
        assertThat(TraceParents.traceId(TraceParents.of(deadLetter))).isEqualTo(TraceParents.traceId(producer));
    }

    private ConsumerRecord<String, byte[]> decisionRecord(CommentSubmitted event) {
        return topics.awaitRecord(Topics.DECISIONS, r -> event.postId().equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains(event.commentId().toString()));
    }
}
