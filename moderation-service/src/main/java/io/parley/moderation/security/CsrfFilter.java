package io.parley.moderation.security;

import io.parley.support.rest.Problem;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.security.Principal;
import java.util.Set;

/**
 * Refuses every state-changing console request of a signed-in moderator that does not carry the
 * session's CSRF token both in its cookie and in its form. The API takes only HTTP Basic, which a
 * browser never sends on its own to another site, so it needs no token.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;

    public CsrfFilter(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (user == null) {
            return null; // not signed in: security refuses it
        }
        Cookie cookie = request.getCookies().get(CsrfTokens.COOKIE);
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CsrfTokens.FIELD, true, false);
        if (tokens.accepts(cookie == null ? null : cookie.getValue(), field instanceof String s ? s : null,
                user.getName())) {
            return null;
        }
        return Problem.of(Response.Status.FORBIDDEN, "csrf",
                "The form's security token is missing or stale: reload the page and try again.").toResponse().build();
    }
}
