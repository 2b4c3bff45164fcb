package io.parley.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What moderation decided about a comment. Only {@link #APPROVED} comments are shown to readers. */
public enum Outcome {
    @JsonProperty("approved") APPROVED,
    @JsonProperty("pending") PENDING,
    @JsonProperty("spam") SPAM,
    @JsonProperty("rejected") REJECTED,
    /** The commenter took the comment back. */
    @JsonProperty("withdrawn") WITHDRAWN;

    public boolean isVisible() {
        return this == APPROVED;
    }
}
