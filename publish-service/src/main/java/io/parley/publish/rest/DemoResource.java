package io.parley.publish.rest;

import io.parley.publish.config.PublishConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A stand-in blog post that embeds the widget, for local runs (parley.publish.demo-enabled). */
@Path("/demo")
public class DemoResource {

    static final String DEMO_POST = "hello-world";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String base, String postId, String fragmentUrl);
    }

    private final PublishConfig config;
    private final BlogIntegration blog;

    public DemoResource(PublishConfig config, BlogIntegration blog) {
        this.config = config;
        this.blog = blog;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(UriInfo uri) {
        requireEnabled();
        String base = uri.getBaseUri().toString();
        String self = uri.getBaseUriBuilder().path("demo/").build().toString();
        String fragment = UriBuilder.fromUri(uri.getBaseUri()).path("posts").path(DEMO_POST).path("comments.html")
                .queryParam("returnTo", self).build().toString();
        return Response.ok(Templates.index(base, DEMO_POST, fragment).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", blog.demoPolicy())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private void requireEnabled() {
        if (!config.demoEnabled()) {
            throw new NotFoundException();
        }
    }
}
