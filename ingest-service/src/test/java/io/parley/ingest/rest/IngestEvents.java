package io.parley.ingest.rest;

import io.parley.events.CommentEvent;
import io.parley.events.Topics;
import io.parley.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.UUID;

/** The comment events ingest wrote for one post, read back from the real topic. */
final class IngestEvents {

    private static final TopicProbe TOPICS = TopicProbe.shared();

    private IngestEvents() {
    }

    static List<ConsumerRecord<String, byte[]>> records(String postId) {
        return TOPICS.readAll(Topics.COMMENTS).stream().filter(r -> postId.equals(r.key())).toList();
    }

    static List<CommentEvent> events(String postId) {
        return records(postId).stream().map(r -> TopicProbe.parse(r.value(), CommentEvent.class)).toList();
    }

    static <T extends CommentEvent> T awaitEvent(String postId, Class<T> type, UUID commentId) {
        ConsumerRecord<String, byte[]> record = TOPICS.awaitRecord(Topics.COMMENTS, r -> postId.equals(r.key())
                && type.isInstance(TopicProbe.parse(r.value(), CommentEvent.class))
                && TopicProbe.parse(r.value(), CommentEvent.class).commentId().equals(commentId));
        return type.cast(TopicProbe.parse(record.value(), CommentEvent.class));
    }
}
