package io.parley.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/posts/{postId}}: what the blog tells Parley about a post. */
public record PostRequest(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 2048) @Pattern(regexp = "https?://[^\\s<>\"]+", message = "must be an http or https URL") String url,
        @Size(max = 200_000) String text,
        @NotNull Boolean commentsOpen) {
}
