package io.parley.moderation.security;

import io.vertx.core.MultiMap;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


/**
 * Headers on every response, pages, redirects, errors and static files alike: a CSP that allows
 * only this origin's own script and style (no inline), no framing, no sniffing, no referrer, no
 * caching of what moderators see; and the Basic challenge on the API's 401s.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** A filter, not a route: it must also see the responses security sends before any route runs. */
    void install(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> {
                MultiMap headers = rc.response().headers();
                if (rc.response().getStatusCode() == 401 && rc.normalizedPath().startsWith("/api/")
                        && !headers.contains("WWW-Authenticate")) {
                    // Quarkus keeps Basic silent next to the form login; API clients still deserve the challenge
                    headers.set("WWW-Authenticate", "Basic realm=\"Parley moderation\", charset=\"UTF-8\"");
                }
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Frame-Options", "DENY");
                if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
            });
            rc.next();
        }, 1000);
    }
}
