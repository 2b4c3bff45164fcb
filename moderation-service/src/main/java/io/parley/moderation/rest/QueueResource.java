package io.parley.moderation.rest;

import io.parley.events.Outcome;
import io.parley.moderation.security.Roles;
import io.parley.moderation.service.ModerationViews;
import io.parley.moderation.service.ModerationViews.QueuePage;
import io.parley.moderation.service.ModerationViews.QueueQuery;
import io.parley.support.rest.CommentIds;
import io.parley.support.rest.PostIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/queue")
@Tag(name = "moderation")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final ModerationViews views;

    public QueueResource(ModerationViews views) {
        this.views = views;
    }

    @GET
    @Operation(summary = "Comments by status, pending oldest first, the others newest first; filter by post, "
            + "rule label (e.g. campaign, links, off-topic) or campaign; page with nextCursor")
    public QueuePage queue(
            @QueryParam("status") @DefaultValue("pending")
            @Pattern(regexp = "pending|spam|rejected|approved", message = "must be pending, spam, rejected or approved")
            String status,
            @QueryParam("postId") @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE) String postId,
            @QueryParam("label") @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a rule label such as campaign")
            String label,
            @QueryParam("campaign") @Pattern(regexp = CommentIds.PATTERN, message = "must be a campaign id (a lower-case UUID)")
            String campaign,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(ModerationViews.MAX_LIMIT) int limit) {
        return page(views, new QueueQuery(Outcome.valueOf(status.toUpperCase(Locale.ROOT)), postId, label,
                campaign == null ? null : UUID.fromString(campaign), cursor, limit));
    }

    /** The page, or 400 naming {@code cursor} for a cursor this service did not write. */
    public static QueuePage page(ModerationViews views, QueueQuery query) {
        try {
            return views.queue(query);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("cursor", "is not a cursor from this queue");
        }
    }
}
