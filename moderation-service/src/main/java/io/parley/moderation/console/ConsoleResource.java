package io.parley.moderation.console;

import io.parley.events.Outcome;
import io.parley.moderation.domain.Ban;
import io.parley.moderation.domain.ModerationTerm;
import io.parley.moderation.security.CsrfTokens;
import io.parley.moderation.security.Roles;
import io.parley.moderation.service.Bans;
import io.parley.moderation.service.Conflict;
import io.parley.moderation.service.ModerationViews;
import io.parley.moderation.service.ModerationViews.CommentDetail;
import io.parley.moderation.service.ModerationViews.QueuePage;
import io.parley.moderation.service.ModerationViews.QueueQuery;
import io.parley.moderation.service.ModerationViews.Stats;
import io.parley.moderation.service.ModeratorActions;
import io.parley.moderation.service.ModeratorActions.Action;
import io.parley.moderation.service.TermLists;
import io.parley.support.rest.CommentIds;
import io.parley.support.rest.PostIds;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The moderator console: server-rendered pages (Qute escapes every value) whose forms work without
 * JavaScript; console.js adds keyboard shortcuts. Every form carries the CSRF token that
 * {@link io.parley.moderation.security.CsrfFilter} checks.
 */
@Path("/")
@Tag(name = "console", description = "The moderator console's HTML pages and forms (session cookie and CSRF token)")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Page page, boolean error);

        static native TemplateInstance queue(Page page, QueueFilter filter, QueuePage queue, String returnTo);

        static native TemplateInstance comment(Page page, CommentDetail comment, String returnTo);

        static native TemplateInstance terms(Page page, List<ModerationTerm> blocked, List<ModerationTerm> suspect);

        static native TemplateInstance bans(Page page, List<Ban> bans);

        static native TemplateInstance stats(Page page, Stats stats);
    }

    /** The queue filters as the page shows them; empty strings for none. */
    public record QueueFilter(String status, String postId, String label, String campaign) {
    }

    private static final String QUEUE_STATUSES = "pending|spam|rejected|approved";
    private static final int PAGE_SIZE = 25;

    private final ModerationViews views;
    private final ModeratorActions actions;
    private final TermLists terms;
    private final Bans bans;
    private final CsrfTokens tokens;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ConsoleResource(ModerationViews views, ModeratorActions actions, TermLists terms, Bans bans,
                           CsrfTokens tokens, SecurityIdentity identity, Clock clock) {
        this.views = views;
        this.actions = actions;
        this.terms = terms;
        this.bans = bans;
        this.tokens = tokens;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.MODERATOR)
    @Operation(summary = "Console start: the queue")
    public Response home() {
        return seeOther("/queue");
    }

    @GET
    @Path("login")
    @PermitAll
    @Operation(summary = "Sign-in page; the form posts to /j_security_check")
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(new Page("Sign in", "login", null, false, null), error != null);
    }

    @POST
    @Path("logout")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: drops the session and CSRF cookies")
    public Response logout(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/login"))
                .cookie(expired("parley-session", secure(uri)), expired(CsrfTokens.COOKIE, secure(uri))).build();
    }

    @GET
    @Path("queue")
    @RolesAllowed(Roles.MODERATOR)
    @Operation(summary = "The queue page, with filters")
    public Response queue(@Context HttpHeaders headers, @Context UriInfo uri,
                          @QueryParam("status") @Pattern(regexp = "|" + QUEUE_STATUSES) String status,
                          @QueryParam("postId") @Pattern(regexp = "|" + PostIds.PATTERN) String postId,
                          @QueryParam("label") @Pattern(regexp = "|[a-z0-9-]{1,64}") String label,
                          @QueryParam("campaign") @Pattern(regexp = "|" + CommentIds.PATTERN) String campaign,
                          @QueryParam("cursor") @Size(max = 200) String cursor) {
        QueueFilter filter = new QueueFilter(orEmpty(status).isEmpty() ? "pending" : status, orEmpty(postId),
                orEmpty(label), orEmpty(campaign));
        QueuePage queue = io.parley.moderation.rest.QueueResource.page(views, new QueueQuery(
                Outcome.valueOf(filter.status().toUpperCase(Locale.ROOT)), blankToNull(postId), blankToNull(label),
                blankToNull(campaign) == null ? null : UUID.fromString(campaign), blankToNull(cursor), PAGE_SIZE));
        String returnTo = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return page(headers, uri, "Queue", "queue", p -> Templates.queue(p, filter, queue, returnTo));
    }

    @GET
    @Path("comments/{id}")
    @RolesAllowed(Roles.MODERATOR)
    @Operation(summary = "One comment and why it was decided as it was")
    public Response comment(@Context HttpHeaders headers, @Context UriInfo uri,
                            @PathParam("id") @Pattern(regexp = CommentIds.PATTERN) String id,
                            @QueryParam("returnTo") String returnTo) {
        CommentDetail detail = views.comment(UUID.fromString(id));
        return page(headers, uri, "Comment", "queue", p -> Templates.comment(p, detail, safeReturn(returnTo)));
    }

    @POST
    @Path("comments/{id}/decision")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Decide one comment, then back to where the moderator was")
    public Response decide(@PathParam("id") @Pattern(regexp = CommentIds.PATTERN) String id,
                           @FormParam("action") @NotNull @Pattern(regexp = "approve|reject|spam|restore") String action,
                           @FormParam("reason") @Size(max = 1000) String reason,
                           @FormParam("returnTo") String returnTo) {
        try {
            actions.decide(UUID.fromString(id), Action.parse(action), reason, identity.getPrincipal().getName());
        } catch (Conflict e) {
            // withdrawn meanwhile: nothing left to decide, go on with the queue
        }
        return seeOther(safeReturn(returnTo));
    }

    @POST
    @Path("campaigns/{id}/decision")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Decide every comment of a campaign")
    public Response decideCampaign(@PathParam("id") @Pattern(regexp = CommentIds.PATTERN) String id,
                                   @FormParam("action") @NotNull @Pattern(regexp = "approve|reject|spam|restore")
                                   String action,
                                   @FormParam("reason") @Size(max = 1000) String reason) {
        actions.decideAll(actions.campaignMembers(UUID.fromString(id)), Action.parse(action), reason,
                identity.getPrincipal().getName());
        return seeOther("/queue?status=" + (action.equals("approve") ? "approved" : "pending") + "&campaign=" + id);
    }

    @GET
    @Path("terms")
    @RolesAllowed(Roles.MODERATOR)
    @Operation(summary = "The term lists page")
    public Response terms(@Context HttpHeaders headers, @Context UriInfo uri) {
        List<ModerationTerm> all = terms.list();
        return page(headers, uri, "Terms", "terms", p -> Templates.terms(p,
                all.stream().filter(t -> t.kind == ModerationTerm.Kind.blocked).toList(),
                all.stream().filter(t -> t.kind == ModerationTerm.Kind.suspect).toList()));
    }

    @POST
    @Path("terms")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add a term")
    public Response addTerm(@FormParam("term") @NotNull @Size(min = 1, max = 200)
                            @Pattern(regexp = "(?s).*[\\p{L}\\p{N}].*") String term,
                            @FormParam("kind") @NotNull @Pattern(regexp = "blocked|suspect") String kind) {
        try {
            terms.add(term, ModerationTerm.Kind.valueOf(kind));
        } catch (Conflict alreadyListed) {
            // the list already says what the moderator wanted
        }
        return seeOther("/terms");
    }

    @POST
    @Path("terms/{id}/delete")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Remove a term")
    public Response removeTerm(@PathParam("id") long id) {
        try {
            terms.remove(id);
        } catch (NoSuchElementException alreadyGone) {
            // removed meanwhile
        }
        return seeOther("/terms");
    }

    @GET
    @Path("bans")
    @RolesAllowed(Roles.MODERATOR)
    @Operation(summary = "The bans page")
    public Response bans(@Context HttpHeaders headers, @Context UriInfo uri) {
        List<Ban> active = bans.active();
        return page(headers, uri, "Bans", "bans", p -> Templates.bans(p, active));
    }

    @POST
    @Path("bans")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Ban an author key or client fingerprint")
    public Response ban(@FormParam("kind") @NotNull @Pattern(regexp = "author|fingerprint") String kind,
                        @FormParam("value") @NotNull @Pattern(regexp = "[A-Za-z0-9_.:=+/-]{8,200}") String value,
                        @FormParam("hours") @NotNull @Min(1) @Max(24 * 365) Integer hours,
                        @FormParam("reason") @Size(max = 1000) String reason) {
        bans.create(Ban.Kind.valueOf(kind), value, reason, Instant.now(clock).plus(Duration.ofHours(hours)),
                identity.getPrincipal().getName());
        return seeOther("/bans");
    }

    @POST
    @Path("bans/{id}/delete")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Lift a ban")
    public Response lift(@PathParam("id") long id) {
        try {
            bans.lift(id);
        } catch (NoSuchElementException alreadyOver) {
            // expired or lifted meanwhile
        }
        return seeOther("/bans");
    }

    @GET
    @Path("stats")
    @RolesAllowed(Roles.MODERATOR)
    @Operation(summary = "The statistics page")
    public Response stats(@Context HttpHeaders headers, @Context UriInfo uri,
                          @QueryParam("days") @jakarta.ws.rs.DefaultValue("7") @Min(1) @Max(365) int days) {
        Stats stats = views.stats(days);
        return page(headers, uri, "Statistics", "stats", p -> Templates.stats(p, stats));
    }

    /** Renders a page, reusing the moderator's CSRF cookie while it is valid for them, else issuing one. */
    private Response page(HttpHeaders headers, UriInfo uri, String title, String section,
                          java.util.function.Function<Page, TemplateInstance> template) {
        String user = identity.getPrincipal().getName();
        Cookie cookie = headers.getCookies().get(CsrfTokens.COOKIE);
        boolean reuse = cookie != null && tokens.valid(cookie.getValue(), user);
        String token = reuse ? cookie.getValue() : tokens.issue(user);
        Page page = new Page(title, section, user, identity.hasRole(Roles.ADMIN), token);
        Response.ResponseBuilder response = Response.ok(template.apply(page)).type(MediaType.TEXT_HTML_TYPE);
        if (!reuse) {
            response.cookie(csrfCookie(token, secure(uri)));
        }
        return response.build();
    }

    /**
     * Like Quarkus's session cookie, Secure when the request came over TLS: directly, or through a
     * TLS-terminating proxy when forwarded headers are enabled (see the README).
     */
    private static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }

    private static NewCookie csrfCookie(String value, boolean secure) {
        return new NewCookie.Builder(CsrfTokens.COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure(secure).build();
    }

    private static NewCookie expired(String name, boolean secure) {
        return new NewCookie.Builder(name).value("").path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .secure(secure).maxAge(0).build();
    }

    /** Back into the console only: a form cannot send the moderator anywhere else. */
    static String safeReturn(String returnTo) {
        if (returnTo != null && returnTo.matches("/(queue|comments/[0-9a-f-]{36})(\\?[^\\s#\\\\]*)?")) {
            return returnTo;
        }
        return "/queue";
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
