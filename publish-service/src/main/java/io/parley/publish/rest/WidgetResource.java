package io.parley.publish.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The embeddable widget, with ingest's URL written in, so a blog needs one script tag and nothing else. */
@Path("/embed.js")
public class WidgetResource {

    static final String JAVASCRIPT = "text/javascript;charset=UTF-8";
    private static final String INGEST_PLACEHOLDER = "\"__PARLEY_INGEST_URL__\"";
    private static final String CACHE = "public, max-age=3600";

    private final String script;
    private final EntityTag tag;

    public WidgetResource(BlogIntegration blog, ObjectMapper json, HttpCaching caching) {
        String source = read("widget/embed.js");
        if (!source.contains(INGEST_PLACEHOLDER)) {
            throw new IllegalStateException("embed.js lost its ingest URL placeholder");
        }
        try {
            this.script = source.replace(INGEST_PLACEHOLDER, json.writeValueAsString(blog.ingestUrl()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.tag = caching.tag(List.of("embed.js", script));
    }

    @GET
    @Produces(JAVASCRIPT)
    @Operation(summary = "The comments widget for blog pages")
    public Response script(HttpHeaders headers) {
        if (HttpCaching.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        return Response.ok(script, JAVASCRIPT).tag(tag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
