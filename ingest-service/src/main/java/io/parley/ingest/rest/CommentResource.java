package io.parley.ingest.rest;

import io.parley.events.CommentAuthor;
import io.parley.ingest.service.CommentIntake;
import io.parley.ingest.service.NewComment;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/comments")
public class CommentResource {

    private final CommentIntake intake;

    public CommentResource(CommentIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a comment", description = "Answers 202 once the comment is durably written to Kafka.")
    @APIResponse(responseCode = "202", description = "Accepted for moderation")
    @APIResponse(responseCode = "400", description = "Invalid comment (application/problem+json)")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after the Retry-After seconds")
    public Uni<Response> submit(@NotNull @Valid SubmitCommentRequest request) {
        SubmitCommentRequest.AuthorRequest author = request.author();
        NewComment comment = new NewComment(request.postId(),
                request.parentId() == null ? null : UUID.fromString(request.parentId()),
                new CommentAuthor(author.name().strip(), blankToNull(author.email()), blankToNull(author.url())),
                request.body().strip());
        return intake.submit(comment)
                .map(id -> Response.accepted(CommentReceipt.received(id, comment.postId())).build());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
