package io.parley.publish.rest;

import io.parley.publish.service.AtomFeedWriter;
import io.parley.publish.service.ThreadOrder;
import io.parley.publish.service.ThreadQuery;
import io.parley.support.rest.PostIds;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/posts/{postId}/comments.atom")
public class FeedResource {

    public static final String ATOM = "application/atom+xml";
    /** Newest top-level comments in the feed (with their replies); feed readers want recent news. */
    static final int FEED_SIZE = 50;

    private final ThreadQuery threads;
    private final HttpCaching caching;
    private final AtomFeedWriter atom;

    public FeedResource(ThreadQuery threads, HttpCaching caching, AtomFeedWriter atom) {
        this.threads = threads;
        this.caching = caching;
        this.atom = atom;
    }

    @GET
    @Produces(ATOM)
    @Operation(summary = "The post's published comments as an Atom 1.0 feed")
    public Response feed(@PathParam("postId") @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE)
                         String postId, HttpHeaders headers, UriInfo uri) {
        String self = uri.getRequestUriBuilder().replaceQuery(null).build().toString();
        EntityTag tag = caching.tag(List.of("atom", postId, Long.toString(threads.version(postId)), self));
        Response notModified = caching.notModified(headers, tag, HttpCaching.REVALIDATE);
        if (notModified != null) {
            return notModified;
        }
        String feed = atom.write(threads.page(postId, ThreadOrder.NEWEST, FEED_SIZE, null), self);
        return Response.ok(feed, ATOM + ";charset=UTF-8")
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, HttpCaching.REVALIDATE)
                // Should a browser open the feed as a document, nothing in it may load or run.
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
                .build();
    }
}
