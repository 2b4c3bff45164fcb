package io.parley.publish.rest;

import io.parley.publish.service.ThreadCache.ThreadState;
import io.parley.publish.service.ThreadQuery;
import io.parley.support.rest.PostIds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

@Path("/api/v1/counts")
public class CountResource {

    public static final int MAX_POSTS = 100;
    private static final Pattern POST_ID = Pattern.compile(PostIds.PATTERN);

    private final ThreadQuery threads;
    private final HttpCaching caching;

    public CountResource(ThreadQuery threads, HttpCaching caching) {
        this.threads = threads;
        this.caching = caching;
    }

    /** {@code counts}: published comments per requested post, in the order asked, 0 for unknown posts. */
    public record Counts(Map<String, Integer> counts) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Published comment counts of up to 100 posts: ?postId=a&postId=b")
    public Response counts(@QueryParam("postId") List<String> postIds, HttpHeaders headers) {
        Set<String> requested = new LinkedHashSet<>(postIds == null ? List.of() : postIds);
        if (requested.isEmpty()) {
            throw new InvalidParameterException("postId", "name at least one post: ?postId=a&postId=b");
        }
        if (requested.size() > MAX_POSTS) {
            throw new InvalidParameterException("postId", "at most " + MAX_POSTS + " posts per request");
        }
        for (String postId : requested) {
            if (!POST_ID.matcher(postId).matches()) {
                throw new InvalidParameterException("postId", PostIds.MESSAGE);
            }
        }
        Map<String, ThreadState> found = threads.states(requested);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> tagParts = new ArrayList<>();
        tagParts.add("counts");
        for (String postId : requested) {
            ThreadState thread = found.get(postId);
            counts.put(postId, thread.count());
            tagParts.add(postId);
            tagParts.add(Long.toString(thread.version()));
        }
        EntityTag tag = caching.tag(tagParts);
        Response notModified = caching.notModified(headers, tag, HttpCaching.REVALIDATE);
        if (notModified != null) {
            return notModified;
        }
        return Response.ok(new Counts(counts)).tag(tag).header(HttpHeaders.CACHE_CONTROL, HttpCaching.REVALIDATE)
                .build();
    }
}
