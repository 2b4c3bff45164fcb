package io.parley.moderation.rest;

import io.parley.moderation.security.Roles;
import io.parley.moderation.service.ModerationViews;
import io.parley.moderation.service.ModerationViews.CommentDetail;
import io.parley.moderation.service.ModeratorActions;
import io.parley.moderation.service.ModeratorActions.Action;
import io.parley.support.rest.CommentIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/comments")
@Tag(name = "moderation")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final ModerationViews views;
    private final ModeratorActions actions;
    private final SecurityIdentity identity;

    public CommentResource(ModerationViews views, ModeratorActions actions, SecurityIdentity identity) {
        this.views = views;
        this.actions = actions;
        this.identity = identity;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A comment with author, post, the engine's scores and reasons, model version, every "
            + "decision so far, its campaign and near-duplicates")
    public CommentDetail comment(@PathParam("id") @Pattern(regexp = CommentIds.PATTERN, message = CommentIds.MESSAGE)
                                 String id) {
        return views.comment(UUID.fromString(id));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve, reject or mark spam, or restore the engine's decision; audited, published to "
            + "publish with a higher version and learned from. Deciding what already stands changes nothing")
    public ModeratorActions.Result decide(
            @PathParam("id") @Pattern(regexp = CommentIds.PATTERN, message = CommentIds.MESSAGE) String id,
            @NotNull @Valid DecisionRequest request) {
        return actions.decide(UUID.fromString(id), Action.parse(request.action()), request.reason(),
                identity.getPrincipal().getName());
    }
}
