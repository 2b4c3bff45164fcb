package io.parley.publish.rest;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * What the server-rendered fragment shows: a page of the thread and a comment form. Links are
 * absolute (on Parley's origin) because the fragment may be pasted into the blog's own page.
 */
@TemplateData
public record FragmentPage(ThreadView thread, String postId, String formAction, String formToken, String returnTo,
                           UUID replyTo, String assetBase, String selfUrl) {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public boolean newest() {
        return "newest".equals(thread.sort());
    }

    public String sortHref(String sort) {
        return link().queryParam("sort", sort).build().toString();
    }

    public String nextHref() {
        return link().queryParam("sort", thread.sort()).queryParam("cursor", thread.nextCursor()).build().toString();
    }

    /** Reloads the fragment with the form set to answer this comment: replies without JavaScript. */
    public String replyHref(UUID commentId) {
        return link().queryParam("sort", thread.sort()).queryParam("replyTo", commentId).build()
                + "#parley-form";
    }

    public String display(Instant at) {
        return DISPLAY.format(at);
    }

    private UriBuilder link() {
        UriBuilder builder = UriBuilder.fromUri(selfUrl);
        if (returnTo != null) {
            builder.queryParam("returnTo", returnTo);
        }
        return builder;
    }
}
