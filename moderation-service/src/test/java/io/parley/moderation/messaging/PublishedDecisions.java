package io.parley.moderation.messaging;

import io.parley.events.ModerationDecision;
import io.parley.events.Topics;
import io.parley.testsupport.TopicProbe;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

/** The decisions moderation wrote to the real decisions topic, as publish would read them. */
public final class PublishedDecisions {

    private final TopicProbe topics = TopicProbe.shared();

    public List<ModerationDecision> of(UUID commentId) {
        return topics.readAll(Topics.DECISIONS).stream()
                .map(r -> TopicProbe.parse(r.value(), ModerationDecision.class))
                .filter(d -> d.commentId().equals(commentId))
                .toList();
    }

    /** Waits for a decision of at least this version and returns the newest one. */
    public ModerationDecision await(UUID commentId, long version) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> of(commentId).stream().anyMatch(d -> d.version() >= version));
        return of(commentId).stream().max(Comparator.comparingLong(ModerationDecision::version)).orElseThrow();
    }
}
