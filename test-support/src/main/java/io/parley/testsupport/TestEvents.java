package io.parley.testsupport;

import io.parley.events.AbuseSignals;
import io.parley.events.CommentAuthor;
import io.parley.events.CommentSubmitted;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.PublicAuthor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events as the real producers write them, for tests that play the part of another service. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Now, at the precision PostgreSQL keeps, as the services stamp events. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String newPostId() {
        return "post-" + UUID.randomUUID();
    }

    public static CommentSubmitted submitted(String postId, String body) {
        return CommentSubmitted.of(UUID.randomUUID(), postId, null, new CommentAuthor("Ada", null, null), body,
                now(), "author-key-ada", AbuseSignals.none());
    }

    public static ModerationDecision decision(String postId, UUID commentId, UUID parentId, long version,
                                              Outcome outcome, String body) {
        return ModerationDecision.of(commentId, version, postId, parentId, outcome,
                new PublicAuthor("Ada", "https://ada.example"), body, now(), now());
    }
}
