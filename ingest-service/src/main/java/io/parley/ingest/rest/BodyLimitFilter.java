package io.parley.ingest.rest;

import io.parley.support.rest.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Comments are small: a declared body over 64 KB is refused with a problem document before it is
 * read. (quarkus.http.limits.max-body-size is the backstop for bodies without a length.)
 */
public class BodyLimitFilter {

    static final long MAX_COMMENT_REQUEST_BYTES = 64 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response limitCommentBodies(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/v1/comments")) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            if (length != null && Long.parseLong(length.strip()) > MAX_COMMENT_REQUEST_BYTES) {
                return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large",
                        "A comment request may have at most 64 KB.").toResponse().build();
            }
        } catch (NumberFormatException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-request", "Invalid Content-Length.")
                    .toResponse().build();
        }
        return null;
    }
}
