package io.parley.publish.rest;

import io.parley.publish.config.PublishConfig;
import io.parley.publish.service.ThreadQuery;
import io.parley.support.abuse.FormTokens;
import io.parley.support.rest.CommentIds;
import io.parley.support.rest.PostIds;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The thread as server-rendered HTML with a plain form: comments for readers without JavaScript. */
@Path("/posts/{postId}/comments.html")
public class FragmentResource {

    /**
     * Form tokens are issued per minute, so the fragment can be revalidated (304) within a minute
     * while its token stays fresh enough for ingest's timing check.
     */
    static final Duration TOKEN_STEP = Duration.ofMinutes(1);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance comments(FragmentPage page);
    }

    private final ThreadQuery threads;
    private final HttpCaching caching;
    private final BlogIntegration blog;
    private final FormTokens formTokens;
    private final PublishConfig config;
    private final Clock clock;

    public FragmentResource(ThreadQuery threads, HttpCaching caching, BlogIntegration blog, FormTokens formTokens,
                            PublishConfig config, Clock clock) {
        this.threads = threads;
        this.caching = caching;
        this.blog = blog;
        this.formTokens = formTokens;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The thread as an HTML fragment with a comment form that works without JavaScript")
    public Response fragment(@PathParam("postId") @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE)
                             String postId,
                             @QueryParam("sort") String sort,
                             @QueryParam("limit") String limit,
                             @QueryParam("cursor") String cursor,
                             @Parameter(description = "a comment id: the form answers that comment")
                             @QueryParam("replyTo") @Pattern(regexp = CommentIds.PATTERN, message = CommentIds.MESSAGE)
                             String replyTo,
                             @Parameter(description = "the blog page to come back to after posting (a configured blog origin)")
                             @QueryParam("returnTo") String returnTo,
                             HttpHeaders headers, UriInfo uri) {
        PageRequest page = PageRequest.of(sort, limit, cursor, config.defaultPageSize());
        if (returnTo != null && !returnTo.isEmpty() && !blog.isBlogUrl(returnTo)) {
            throw new InvalidParameterException("returnTo", "must be an http(s) URL on a configured blog origin");
        }
        String back = returnTo == null || returnTo.isEmpty() ? null : returnTo;
        Instant now = Instant.now(clock);
        Instant tokenTime = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % TOKEN_STEP.toMillis());
        String self = uri.getBaseUriBuilder().path("posts").path(postId).path("comments.html").build().toString();
        EntityTag tag = caching.tag(List.of("fragment", postId, Long.toString(threads.version(postId)),
                page.variant(), String.valueOf(replyTo), String.valueOf(back), tokenTime.toString(), self));
        Response notModified = caching.notModified(headers, tag, HttpCaching.REVALIDATE);
        if (notModified != null) {
            return withHtmlHeaders(Response.fromResponse(notModified)).build();
        }
        FragmentPage view = new FragmentPage(threads.page(postId, page.order(), page.limit(), page.cursor()), postId,
                blog.commentsEndpoint(), formTokens.issue(postId, tokenTime), back,
                replyTo == null ? null : UUID.fromString(replyTo), uri.getBaseUri().toString(), self);
        return withHtmlHeaders(Response.ok(Templates.comments(view).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, HttpCaching.REVALIDATE)
                .build();
    }

    private Response.ResponseBuilder withHtmlHeaders(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", blog.fragmentPolicy());
    }
}
