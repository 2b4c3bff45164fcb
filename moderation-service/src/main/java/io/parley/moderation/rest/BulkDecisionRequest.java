package io.parley.moderation.rest;

import io.parley.moderation.service.ModeratorActions;
import io.parley.support.rest.CommentIds;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One decision for many comments: listed by id, or every comment of a campaign. Give one of the two. */
public record BulkDecisionRequest(
        @NotNull @Pattern(regexp = Actions.PATTERN, message = Actions.MESSAGE) String action,
        @Size(max = 1000) String reason,
        @Size(min = 1, max = ModeratorActions.MAX_BULK)
        List<@NotNull @Pattern(regexp = CommentIds.PATTERN, message = CommentIds.MESSAGE) String> ids,
        @Pattern(regexp = CommentIds.PATTERN, message = "must be a campaign id (a lower-case UUID)") String campaign) {
}
