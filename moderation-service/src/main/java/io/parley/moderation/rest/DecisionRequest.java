package io.parley.moderation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A moderator's decision about one comment. */
public record DecisionRequest(
        @NotNull @Pattern(regexp = Actions.PATTERN, message = Actions.MESSAGE) String action,
        @Size(max = 1000) String reason) {
}
