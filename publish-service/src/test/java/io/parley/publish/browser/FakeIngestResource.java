package io.parley.publish.browser;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.PublicAuthor;
import io.parley.events.Topics;
import io.parley.support.abuse.FormTokens;
import io.parley.support.abuse.ProofOfWork;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays ingest and moderation for the browser tests, keeping to ingest's contract: it checks form
 * tokens and proof of work exactly as ingest does (service-support), then approves the comment by
 * writing a decision to the real topic, unless the body asks to be held.
 */
@Path("/test-ingest/api/v1")
public class FakeIngestResource {

    static final int BITS = 12;
    static final String HOLD = "[hold]";
    static final List<Submission> RECEIVED = new CopyOnWriteArrayList<>();

    record Submission(String postId, String body, boolean formTokenValid, int powBits, String website, boolean viaForm) {
    }

    public record Author(String name, String email, String url) {
    }

    public record JsonComment(String postId, UUID parentId, Author author, String body, String formToken,
                              String powNonce, String website) {
    }

    private final FormTokens tokens;

    public FakeIngestResource(FormTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @Path("/challenge")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> challenge(@QueryParam("postId") String postId) {
        return Map.of("formToken", tokens.issue(postId, Instant.now()), "bits", BITS);
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(JsonComment comment) {
        UUID id = accept(comment.postId(), comment.parentId(), comment.author().name(), comment.author().url(),
                comment.body(), comment.formToken(), comment.powNonce(), comment.website(), false);
        return Response.accepted(Map.of("id", id, "postId", comment.postId(), "status", "received",
                "editToken", "not-a-real-token")).build();
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(@FormParam("postId") String postId, @FormParam("parentId") String parentId,
                         @FormParam("name") String name, @FormParam("url") String url, @FormParam("body") String body,
                         @FormParam("returnTo") String returnTo, @FormParam("website") String website,
                         @FormParam("formToken") String formToken, @FormParam("powNonce") String powNonce) {
        UUID id = accept(postId, parentId == null || parentId.isEmpty() ? null : UUID.fromString(parentId), name,
                url, body, formToken, powNonce, website, true);
        return Response.seeOther(URI.create(returnTo + "?parley=received&parley-comment=" + id + "#parley-comments"))
                .build();
    }

    private UUID accept(String postId, UUID parentId, String name, String url, String body, String formToken,
                        String powNonce, String website, boolean viaForm) {
        boolean tokenValid = tokens.verify(formToken, postId, Instant.now(), Duration.ofHours(1)).isPresent();
        RECEIVED.add(new Submission(postId, body, tokenValid, ProofOfWork.bits(formToken, powNonce), website, viaForm));
        UUID id = UUID.randomUUID();
        Outcome outcome = body.contains(HOLD) ? Outcome.PENDING : Outcome.APPROVED;
        TopicProbe.shared().sendJson(Topics.DECISIONS, postId, ModerationDecision.of(id, 1, postId, parentId, outcome,
                new PublicAuthor(name, url == null || url.isEmpty() ? null : url), body, TestEvents.now(),
                TestEvents.now()));
        return id;
    }
}
