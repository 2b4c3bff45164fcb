package io.parley.publish.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Conditional GETs for reads. ETags are weak (the body may be sent compressed or not) and derive
 * from the thread versions the consumer maintains, plus the application version so a deployment
 * that changes a representation does not leave stale copies valid.
 */
@ApplicationScoped
public class HttpCaching {

    /** Caches may store reads but must ask again each time; the answer is usually a cheap 304. */
    public static final String REVALIDATE = "public, no-cache";

    private final String applicationVersion;

    public HttpCaching(@ConfigProperty(name = "quarkus.application.version", defaultValue = "0") String applicationVersion) {
        this.applicationVersion = applicationVersion;
    }

    /** A weak tag over the given parts (thread versions, representation variant). */
    public EntityTag tag(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(applicationVersion.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                digest.update((byte) 0);
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return new EntityTag(HexFormat.of().formatHex(digest.digest(), 0, 12), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 304 when the request's If-None-Match names this tag (weak comparison, as RFC 9110 asks for GET). */
    public Response notModified(HttpHeaders headers, EntityTag tag, String cacheControl) {
        if (!matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            return null;
        }
        return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
