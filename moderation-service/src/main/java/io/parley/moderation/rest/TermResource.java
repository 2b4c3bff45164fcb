package io.parley.moderation.rest;

import io.parley.moderation.domain.ModerationTerm;
import io.parley.moderation.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.time.Instant;
import java.util.List;

@Path("/api/v1/terms")
@Tag(name = "terms")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class TermResource {

    public record Term(long id, String term, String kind, Instant createdAt) {
        static Term of(ModerationTerm t) {
            return new Term(t.id, t.term, t.kind.name(), t.createdAt);
        }
    }

    public record Lists(List<Term> blocked, List<Term> suspect) {
    }

    public record NewTerm(
            @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*[\\p{L}\\p{N}].*", message = "must contain a word")
            String term,
            @NotNull @Pattern(regexp = "blocked|suspect", message = "must be blocked or suspect") String kind) {
    }

    private final io.parley.moderation.service.TermLists terms;

    public TermResource(io.parley.moderation.service.TermLists terms) {
        this.terms = terms;
    }

    @GET
    @Operation(summary = "The term lists: blocked terms make a comment spam on their own, suspect terms add evidence")
    public Lists list() {
        List<ModerationTerm> all = terms.list();
        return new Lists(
                all.stream().filter(t -> t.kind == ModerationTerm.Kind.blocked).map(Term::of).toList(),
                all.stream().filter(t -> t.kind == ModerationTerm.Kind.suspect).map(Term::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a term (normalized to lower-case words); in force from the engine's next batch")
    public Response add(@NotNull @Valid NewTerm request) {
        ModerationTerm added = terms.add(request.term(), ModerationTerm.Kind.valueOf(request.kind()));
        return Response.created(URI.create("/api/v1/terms/" + added.id)).entity(Term.of(added)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a term")
    public Response remove(@PathParam("id") long id) {
        terms.remove(id);
        return Response.noContent().build();
    }
}
