package io.parley.ingest.rest;

import io.parley.support.rest.CommentIds;
import io.parley.support.rest.PostIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/comments}.
 *
 * @param postId   the blog's identifier of the post: 1–200 characters, no slashes, whitespace or control characters
 * @param parentId the id of the comment this one answers, or {@code null}
 */
public record SubmitCommentRequest(
        @NotNull @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE) String postId,
        @Pattern(regexp = CommentIds.PATTERN, message = CommentIds.MESSAGE) String parentId,
        @NotNull @Valid AuthorRequest author,
        @NotBlank @Size(max = 10_000) String body) {

    public record AuthorRequest(
            @NotBlank @Size(max = 100) String name,
            @jakarta.validation.constraints.Email @Size(max = 254) String email,
            @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url) {
    }
}
