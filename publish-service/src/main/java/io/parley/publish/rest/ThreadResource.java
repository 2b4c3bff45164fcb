package io.parley.publish.rest;

import io.parley.publish.service.ThreadQuery;
import io.parley.support.rest.PostIds;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/posts/{postId}/comments")
public class ThreadResource {

    private final ThreadQuery threads;

    public ThreadResource(ThreadQuery threads) {
        this.threads = threads;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published comments of a post, threaded")
    public ThreadView thread(@PathParam("postId") @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE)
                             String postId) {
        return threads.thread(postId);
    }
}
