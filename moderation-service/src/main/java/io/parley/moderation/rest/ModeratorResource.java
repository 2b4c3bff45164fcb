package io.parley.moderation.rest;

import io.parley.moderation.domain.Moderator;
import io.parley.moderation.security.Roles;
import io.parley.moderation.service.Conflict;
import io.parley.moderation.service.ModeratorAccounts;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/moderators")
@Tag(name = "accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ModeratorResource {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";
    static final String USERNAME_MESSAGE = "must be 2-64 lower-case letters, digits, '.', '_' or '-'";

    public record Account(String username, String role, boolean enabled, Instant createdAt) {
        static Account of(Moderator m) {
            return new Account(m.username, m.role.name(), m.enabled, m.createdAt);
        }
    }

    /** bcrypt reads at most 72 bytes, so longer passwords would be silently cut. */
    public record NewAccount(
            @NotNull @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotNull @Size(min = 12, max = 72) String password,
            @NotNull @Pattern(regexp = "moderator|admin", message = "must be moderator or admin") String role) {
    }

    public record AccountChange(
            @Size(min = 12, max = 72) String password,
            @Pattern(regexp = "moderator|admin", message = "must be moderator or admin") String role,
            Boolean enabled) {
    }

    private final ModeratorAccounts accounts;
    private final SecurityIdentity identity;

    public ModeratorResource(ModeratorAccounts accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every moderator account (admins only)")
    public List<Account> list() {
        return accounts.list().stream().map(Account::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a moderator or admin account (admins only)")
    public Response create(@NotNull @Valid NewAccount request) {
        requireAtMost72Bytes(request.password());
        Moderator created = accounts.create(request.username(), request.password(),
                Moderator.Role.valueOf(request.role()));
        return Response.created(URI.create("/api/v1/moderators/" + created.username)).entity(Account.of(created))
                .build();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an account's password, role or whether it is enabled (admins only); the last "
            + "enabled admin cannot be demoted or disabled")
    public Account update(@PathParam("username") @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
                          @NotNull @Valid AccountChange change) {
        if (change.password() != null) {
            requireAtMost72Bytes(change.password());
        }
        return Account.of(accounts.update(username, change.password(),
                change.role() == null ? null : Moderator.Role.valueOf(change.role()), change.enabled()));
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Delete an account (admins only); not your own, nor the last enabled admin")
    public Response delete(@PathParam("username") @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE)
                           String username) {
        if (username.equals(identity.getPrincipal().getName())) {
            throw new Conflict("you cannot delete your own account");
        }
        accounts.delete(username);
        return Response.noContent().build();
    }

    /** 72 characters may be more bytes than bcrypt reads. */
    private static void requireAtMost72Bytes(String password) {
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new InvalidField("password", "must be at most 72 bytes in UTF-8");
        }
    }
}
