package io.parley.publish.rest;

import io.parley.publish.config.PublishConfig;
import io.parley.publish.service.ThreadQuery;
import io.parley.support.rest.PostIds;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.function.Supplier;

@Path("/api/v1/posts/{postId}/comments")
public class ThreadResource {

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ThreadQuery threads;
    private final HttpCaching caching;
    private final PublishConfig config;

    public ThreadResource(ThreadQuery threads, HttpCaching caching, PublishConfig config) {
        this.threads = threads;
        this.caching = caching;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published comments of a post, threaded; pages of top-level comments")
    public Uni<Response> thread(@PathParam("postId") @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE)
                           String postId,
                           @Parameter(description = "oldest (default) or newest first, for top-level comments")
                           @QueryParam("sort") String sort,
                           @Parameter(description = "top-level comments per page, 1-100")
                           @QueryParam("limit") String limit,
                           @Parameter(description = "nextCursor of the previous page")
                           @QueryParam("cursor") String cursor,
                           HttpHeaders headers) {
        PageRequest page = PageRequest.of(sort, limit, cursor, config.defaultPageSize());
        ThreadQuery.Cached cached = threads.cached(postId, page);
        if (cached.json() != null) {
            return Uni.createFrom().item(respond(postId, page, headers, cached.state().version(), cached::json));
        }
        // A miss reads PostgreSQL, which must not block the I/O thread that answers the hits. The version
        // is read before the comments: a change in between costs one extra download, never a stale body
        // kept under a newer tag.
        return Uni.createFrom().item(() -> {
            long version = threads.version(postId, cached);
            // With the state cached, the page was looked up under this version and missed.
            Supplier<byte[]> json = cached.state() != null ? () -> threads.freshPageJson(postId, version, page)
                    : () -> threads.pageJson(postId, version, page);
            return respond(postId, page, headers, version, json);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response respond(String postId, PageRequest page, HttpHeaders headers, long version,
                             Supplier<byte[]> json) {
        EntityTag tag = caching.tag(List.of("thread", postId, Long.toString(version), page.variant()));
        Response notModified = caching.notModified(headers, tag, HttpCaching.REVALIDATE);
        if (notModified != null) {
            return notModified;
        }
        // Already JSON (ThreadView serialized, usually from the cache), so written as it is, with the
        // content type Jackson's writer gave it.
        return Response.ok(json.get(), JSON_UTF8)
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, HttpCaching.REVALIDATE)
                .build();
    }
}
