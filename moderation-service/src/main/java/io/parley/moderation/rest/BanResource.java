package io.parley.moderation.rest;

import io.parley.moderation.domain.Ban;
import io.parley.moderation.security.Roles;
import io.parley.moderation.service.Bans;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/bans")
@Tag(name = "bans")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class BanResource {

    /** Author keys and fingerprints are ingest's keyed hashes: printable, no spaces. */
    static final String VALUE_PATTERN = "[A-Za-z0-9_.:=+/-]{8,200}";
    static final int MAX_HOURS = 24 * 365;

    public record BanView(long id, String kind, String value, String reason, String createdBy, Instant createdAt,
                          Instant expiresAt) {
        static BanView of(Ban b) {
            return new BanView(b.id, b.kind.name(), b.value, b.reason, b.createdBy, b.createdAt, b.expiresAt);
        }
    }

    public record NewBan(
            @NotNull @Pattern(regexp = "author|fingerprint", message = "must be author or fingerprint") String kind,
            @NotNull @Pattern(regexp = VALUE_PATTERN, message = "must be an author key or client fingerprint") String value,
            @Size(max = 1000) String reason,
            @NotNull @Min(1) @Max(MAX_HOURS) Integer hours) {
    }

    private final Bans bans;
    private final SecurityIdentity identity;
    private final Clock clock;

    public BanResource(Bans bans, SecurityIdentity identity, Clock clock) {
        this.bans = bans;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Bans in force")
    public List<BanView> active() {
        return bans.active().stream().map(BanView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ban a pseudonymous commenter (author key) or a client fingerprint for some hours: their new "
            + "comments and edits are spam until it expires")
    public Response ban(@NotNull @Valid NewBan request) {
        Ban ban = bans.create(Ban.Kind.valueOf(request.kind()), request.value(), request.reason(),
                Instant.now(clock).plus(Duration.ofHours(request.hours())), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/bans/" + ban.id)).entity(BanView.of(ban)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Lift a ban now")
    public Response lift(@PathParam("id") long id) {
        bans.lift(id);
        return Response.noContent().build();
    }
}
