package io.parley.events;

import java.util.List;

/**
 * Kafka topics of the contract. Every message is keyed by its post id, so all events of one
 * thread land in one partition and are consumed in the order they were written.
 */
public final class Topics {

    /** {@link CommentEvent}s from ingest to moderation. */
    public static final String COMMENTS = "parley.comments.v1";

    /** {@link ModerationDecision}s from moderation to publish. */
    public static final String DECISIONS = "parley.decisions.v1";

    /** {@link PostUpdated} from ingest (the blog's API key) to moderation and ingest; compacted. */
    public static final String POSTS = "parley.posts.v1";

    /** Messages moderation could not read (malformed, unknown schema version, wrong key). */
    public static final String COMMENTS_DEAD_LETTER = "parley.comments.v1.dead-letter";

    /** Messages publish could not read. */
    public static final String DECISIONS_DEAD_LETTER = "parley.decisions.v1.dead-letter";

    /** Messages a consumer of the posts topic could not read. */
    public static final String POSTS_DEAD_LETTER = "parley.posts.v1.dead-letter";

    /** Every topic the system needs, for tools that create them. */
    public static final List<String> ALL = List.of(COMMENTS, DECISIONS, POSTS, COMMENTS_DEAD_LETTER,
            DECISIONS_DEAD_LETTER, POSTS_DEAD_LETTER);

    /** Topics that keep only the newest record per key. */
    public static final List<String> COMPACTED = List.of(POSTS);

    /**
     * Topics kept without time limit: publish's read model can always be rebuilt by replaying every
     * decision (keys are post ids, so compaction would drop comments).
     */
    public static final List<String> KEPT_FOREVER = List.of(DECISIONS);

    private Topics() {
    }
}
