package io.parley.ingest.rest;

import io.parley.events.PostUpdated;
import io.parley.ingest.config.Secrets;
import io.parley.ingest.messaging.EventPublisher;
import io.parley.ingest.service.CommentRefusedException;
import io.parley.ingest.service.PostDirectory;
import io.parley.support.rest.PostIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The blog registers its posts: their text lets moderation judge relevance, and it can close comments. */
@Path("/api/v1/posts/{postId}")
public class PostResource {

    private final EventPublisher publisher;
    private final PostDirectory directory;
    private final Secrets.BlogApiKey apiKey;
    private final Clock clock;

    public PostResource(EventPublisher publisher, PostDirectory directory, Secrets.BlogApiKey apiKey, Clock clock) {
        this.publisher = publisher;
        this.directory = directory;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or update a post", description = "Authenticated with the blog's API key"
            + " (Authorization: Bearer <PARLEY_BLOG_API_KEY>).")
    @APIResponse(responseCode = "200", description = "Stored on the posts topic")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    public Response put(@PathParam("postId") @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE) String postId,
                        @NotNull @Valid PostRequest request,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!authorised(CommentResource.bearer(authorization))) {
            CommentRefusedException refused = new CommentRefusedException(401, "unauthorized",
                    "A valid blog API key is required.", null);
            return refused.toProblem().toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        PostUpdated post = PostUpdated.of(postId, request.title().strip(), request.url(), request.text(),
                request.commentsOpen(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        publisher.publish(post);
        directory.apply(post);
        return Response.ok(Map.of("postId", postId, "commentsOpen", post.commentsOpen(), "status", "stored")).build();
    }

    private boolean authorised(String presented) {
        return presented != null && apiKey.value()
                .map(key -> MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
