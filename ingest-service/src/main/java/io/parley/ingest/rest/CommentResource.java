package io.parley.ingest.rest;

import io.parley.ingest.service.CommentIntake;
import io.parley.ingest.service.Receipt;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

@Path("/api/v1/comments")
public class CommentResource {

    private final CommentIntake intake;
    private final Submissions submissions;
    private final ClientContexts clients;
    private final FormPages pages;

    public CommentResource(CommentIntake intake, Submissions submissions, ClientContexts clients, FormPages pages) {
        this.intake = intake;
        this.submissions = submissions;
        this.clients = clients;
        this.pages = pages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a comment", description = "Answers 202 once the comment is durably written to Kafka."
            + " Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "202", description = "Accepted for moderation")
    @APIResponse(responseCode = "400", description = "Invalid comment (application/problem+json naming the fields)")
    @APIResponse(responseCode = "409", description = "Comments on the post are closed")
    @APIResponse(responseCode = "413", description = "Request body over 64 KB")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another comment")
    @APIResponse(responseCode = "429", description = "Too many comments; retry after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; nothing was stored; retry after Retry-After")
    public Uni<Response> submit(SubmitCommentRequest request,
                                @Parameter(description = "Any unique string per comment, reused on retries")
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Context HttpServerRequest http) {
        // On the event loop: the checks are in memory, and no thread waits for Kafka's acknowledgement.
        return intake.submitAsync(submissions.toComment(request), clients.of(http, idempotencyKey,
                        request.website(), request.formToken(), request.powNonce(), false))
                .map(receipt -> Response.accepted(CommentReceipt.received(receipt)).build());
    }

    /**
     * The same submission from a plain HTML form, for readers without JavaScript: success sends the
     * reader back to the blog page (only to a configured blog origin), a problem is explained on a
     * small HTML page.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Submit a comment from an HTML form (no JavaScript)")
    @APIResponse(responseCode = "303", description = "Accepted; back to returnTo with parley=received")
    @APIResponse(responseCode = "200", description = "Accepted; no valid returnTo, so a confirmation page")
    @APIResponse(responseCode = "400", description = "A page listing what to fix")
    public Response submitForm(@FormParam("postId") String postId, @FormParam("parentId") String parentId,
                               @FormParam("name") String name, @FormParam("email") String email,
                               @FormParam("url") String url, @FormParam("body") String body,
                               @FormParam("returnTo") String returnTo, @FormParam("website") String website,
                               @FormParam("formToken") String formToken, @FormParam("powNonce") String powNonce,
                               @Context HttpServerRequest http) {
        SubmitCommentRequest request = new SubmitCommentRequest(postId, parentId,
                new SubmitCommentRequest.AuthorRequest(name, email, url), body, formToken, powNonce, website);
        try {
            Receipt receipt = intake.submit(submissions.toComment(request),
                    clients.of(http, null, website, formToken, powNonce, true));
            return pages.received(receipt, returnTo);
        } catch (RuntimeException e) {
            return pages.refused(e, returnTo);
        }
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit your comment", description = "Within the edit window, with the comment's editToken"
            + " as a Bearer token. The new text is moderated again.")
    @APIResponse(responseCode = "202", description = "Edit accepted for moderation")
    @APIResponse(responseCode = "401", description = "Missing or wrong edit token")
    @APIResponse(responseCode = "403", description = "Edit window closed")
    public Response edit(@PathParam("id") UUID id, @NotNull EditCommentRequest request,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Response.accepted(CommentReceipt.received(intake.edit(id, bearer(authorization), request.body())))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw your comment", description = "Within the edit window, with the comment's editToken.")
    @APIResponse(responseCode = "202", description = "Withdrawal accepted")
    @APIResponse(responseCode = "401", description = "Missing or wrong edit token")
    @APIResponse(responseCode = "403", description = "Edit window closed")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Receipt receipt = intake.withdraw(id, bearer(authorization));
        return Response.accepted(new CommentReceipt(receipt.id(), receipt.postId(), "withdrawn", null)).build();
    }

    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    /** The body of an edit. */
    public record EditCommentRequest(String body) {
    }
}
