package io.parley.ingest.rest;

import io.parley.support.rest.CommentIds;
import io.parley.support.rest.PostIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/comments}. The body text's own rules (length, control characters)
 * are checked by {@code CommentRules}, since its limit is configuration.
 *
 * @param postId    the blog's identifier of the post
 * @param parentId  the id of the comment this one answers, or {@code null}
 * @param formToken the signed form timestamp from {@code GET /api/v1/challenge} or the HTML form
 * @param powNonce  the proof-of-work nonce the widget computed for {@code formToken}
 * @param website   a honeypot: humans leave it empty
 */
@Schema(example = """
        {"postId": "hello-world", "parentId": null,
         "author": {"name": "Ada", "email": null, "url": null}, "body": "First! *Markdown* works."}""")
public record SubmitCommentRequest(
        @NotNull @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE) String postId,
        @Pattern(regexp = CommentIds.PATTERN, message = CommentIds.MESSAGE) String parentId,
        @NotNull @Valid AuthorRequest author,
        String body,
        @Size(max = 200) String formToken,
        @Size(max = 64) String powNonce,
        @Size(max = 2048) String website) {

    /** Optional fields sent empty (as every HTML form does) count as absent. */
    public SubmitCommentRequest normalised() {
        AuthorRequest normalisedAuthor = author == null ? null
                : new AuthorRequest(author.name(), Submissions.blankToNull(author.email()),
                        Submissions.blankToNull(author.url()));
        return new SubmitCommentRequest(postId, Submissions.blankToNull(parentId), normalisedAuthor, body, formToken,
                powNonce, website);
    }

    public record AuthorRequest(
            @NotBlank @Size(max = 100) String name,
            @Email @Size(max = 254) String email,
            @Size(max = 2048) @Pattern(regexp = "https?://[^\\s<>\"]+", message = "must be an http or https URL")
            String url) {
    }
}
