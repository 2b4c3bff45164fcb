package io.parley.moderation.rest;

import io.parley.moderation.security.Roles;
import io.parley.moderation.service.ModeratorActions;
import io.parley.moderation.service.ModeratorActions.Action;
import io.parley.moderation.service.ModeratorActions.BulkItem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/decisions")
@Tag(name = "moderation")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class BulkDecisionResource {

    /** Per comment: the result, or why it could not be decided. */
    public record BulkDecisionResponse(int decided, List<BulkItem> results) {
    }

    private final ModeratorActions actions;
    private final SecurityIdentity identity;

    public BulkDecisionResource(ModeratorActions actions, SecurityIdentity identity) {
        this.actions = actions;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One decision for a list of comment ids or for every comment of a campaign (up to 500); "
            + "each is audited and published like a single decision")
    public BulkDecisionResponse decide(@NotNull @Valid BulkDecisionRequest request) {
        if ((request.ids() == null) == (request.campaign() == null)) {
            throw new InvalidField("ids", "give either ids or campaign");
        }
        List<UUID> ids = request.ids() != null ? request.ids().stream().map(UUID::fromString).toList()
                : actions.campaignMembers(UUID.fromString(request.campaign()));
        List<BulkItem> results = actions.decideAll(ids, Action.parse(request.action()), request.reason(),
                identity.getPrincipal().getName());
        return new BulkDecisionResponse((int) results.stream().filter(r -> r.result() != null).count(), results);
    }
}
