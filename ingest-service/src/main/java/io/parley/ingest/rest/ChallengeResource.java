package io.parley.ingest.rest;

import io.parley.ingest.service.CommentIntake;
import io.parley.support.rest.PostIds;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the widget needs before it can post: a signed form timestamp and the proof-of-work difficulty. */
@Path("/api/v1/challenge")
public class ChallengeResource {

    private final CommentIntake intake;

    public ChallengeResource(CommentIntake intake) {
        this.intake = intake;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A form token and proof-of-work difficulty for a post",
            description = "Find a nonce (lower-case hex) such that SHA-256(\"parley-pow:v1:\" + formToken + \":\" + nonce)"
                    + " starts with `bits` zero bits, then send formToken and powNonce with the comment.")
    public Response challenge(@QueryParam("postId") @NotNull @Pattern(regexp = PostIds.PATTERN,
            message = PostIds.MESSAGE) String postId) {
        return Response.ok(intake.challenge(postId)).header("Cache-Control", "no-store").build();
    }
}
