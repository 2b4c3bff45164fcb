package io.parley.moderation.rest;

import io.parley.moderation.security.Roles;
import io.parley.moderation.service.ModerationViews;
import io.parley.moderation.service.ModerationViews.Stats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats")
@Tag(name = "moderation")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final ModerationViews views;

    public StatsResource(ModerationViews views) {
        this.views = views;
    }

    @GET
    @Operation(summary = "Comments received by outcome and automatic rules fired over the last `days` days, the "
            + "queue's size and oldest comment, and how often moderators overturned automatic decisions")
    public Stats stats(@QueryParam("days") @DefaultValue("7") @Min(1) @Max(365) int days) {
        return views.stats(days);
    }
}
