package io.parley.moderation.engine.signal;

import java.util.UUID;

/**
 * A group of near-identical comments. It becomes a campaign (evidence of spam) once the same text
 * turned up often enough, on more than one post.
 *
 * @param id       stable id, shared by every instance through the database
 * @param comments comments in the group, this one included
 * @param posts    distinct posts they were left on
 */
public record Campaign(UUID id, int comments, int posts) {

    public static final int MIN_COMMENTS = 3;
    public static final int MIN_POSTS = 2;

    public boolean isCampaign() {
        return comments >= MIN_COMMENTS && posts >= MIN_POSTS;
    }
}
