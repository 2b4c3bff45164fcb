package io.parley.publish.rest;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.publish.Decisions;
import io.parley.support.abuse.FormTokens;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class FragmentResourceTest {

    private static final String RETURN_TO = "https://blog.example/2026/hello";

    private final Decisions decisions = Decisions.forNewPost();

    @Test
    void rendersTheThreadNested() {
        ModerationDecision parent = decisions.approve(null, "Hello *there*");
        ModerationDecision reply = decisions.approve(parent.commentId(), "a reply");
        decisions.awaitCount(2);

        Document html = fragment();

        assertThat(html.selectFirst("#parley-heading").text()).isEqualTo("2 comments");
        Element top = html.selectFirst("ol.parley-thread > li#parley-c-" + parent.commentId());
        assertThat(top).isNotNull();
        assertThat(top.selectFirst(".parley-author").text()).isEqualTo("Ada");
        assertThat(top.selectFirst(".parley-author a").attr("href")).isEqualTo("https://ada.example");
        assertThat(top.selectFirst(".parley-author a").attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(top.selectFirst(".parley-body").html()).isEqualTo("<p>Hello <em>there</em></p>");
        assertThat(top.select("ol.parley-replies > li#parley-c-" + reply.commentId())).hasSize(1);
    }

    @Test
    void formPostsToIngestWithEverythingItNeedsAndNoScript() {
        Document html = fragment();

        Element form = html.selectFirst("form#parley-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("http://ingest.test:8081/api/v1/comments");
        assertThat(html.select("script")).isEmpty();
        assertThat(form.selectFirst("input[name=postId]").val()).isEqualTo(decisions.postId());
        assertThat(form.selectFirst("input[name=parentId]").val()).isEmpty();
        assertThat(form.selectFirst("input[name=returnTo]").val()).isEqualTo(RETURN_TO);
        for (String field : new String[]{"name", "email", "url", "body"}) {
            Element input = form.selectFirst("[name=" + field + "]");
            assertThat(input).as(field).isNotNull();
            assertThat(html.select("label[for=" + input.id() + "]")).as("label of " + field).hasSize(1);
        }
        Element honeypot = form.selectFirst("input[name=website]");
        assertThat(honeypot.attr("autocomplete")).isEqualTo("off");
        assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
        assertThat(html.selectFirst("label[for=" + honeypot.id() + "]").text()).isEqualTo("Leave this empty");
        assertThat(form.select("input[name=powNonce]")).isEmpty();
    }

    @Test
    void formTokenIsOneIngestAccepts() {
        String token = fragment().selectFirst("input[name=formToken]").val();

        FormTokens tokens = new FormTokens("test-only-form-key-never-use-in-production");
        assertThat(tokens.verify(token, decisions.postId(), Instant.now(), Duration.ofMinutes(5))).isPresent();
        assertThat(tokens.verify(token, "another-post", Instant.now(), Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void replyLinkReloadsTheFragmentWithTheFormAnsweringThatComment() {
        ModerationDecision parent = decisions.approve(null, "answer me");
        decisions.awaitCount(1);

        String replyHref = fragment().selectFirst("#parley-c-" + parent.commentId() + " .parley-actions a").attr("href");
        assertThat(replyHref).startsWith("http://").contains("replyTo=" + parent.commentId()).endsWith("#parley-form");

        Document replying = Jsoup.parse(given().urlEncodingEnabled(false).get(replyHref.replace("#parley-form", ""))
                .then().statusCode(200).extract().asString());
        assertThat(replying.selectFirst("input[name=parentId]").val()).isEqualTo(parent.commentId().toString());
        assertThat(replying.selectFirst("input[name=returnTo]").val()).isEqualTo(RETURN_TO);
    }

    @Test
    void removedCommentWithRepliesShowsRemovedAndNothingItSaid() {
        UUID removed = UUID.randomUUID();
        decisions.send(removed, null, 1, Outcome.APPROVED, "secret words");
        decisions.approve(removed, "a reply");
        decisions.awaitCount(2);
        decisions.send(removed, null, 2, Outcome.SPAM, "secret words");
        decisions.awaitCount(1);

        Document html = fragment();
        Element placeholder = html.selectFirst("#parley-c-" + removed);
        assertThat(placeholder.selectFirst(".parley-meta").text()).isEqualTo("[removed]");
        assertThat(html.text()).doesNotContain("secret words");
        assertThat(placeholder.select(".parley-replies > li")).hasSize(1);
    }

    @Test
    void moreCommentsLinkFollowsTheCursor() {
        ModerationDecision first = decisions.approve(null, "first");
        ModerationDecision second = decisions.approve(null, "second");
        decisions.awaitCount(2);

        Document page1 = Jsoup.parse(given().queryParam("limit", 1).queryParam("returnTo", RETURN_TO)
                .get("/posts/{postId}/comments.html", decisions.postId()).then().statusCode(200).extract().asString());
        assertThat(page1.select("#parley-c-" + first.commentId())).hasSize(1);
        String more = page1.selectFirst(".parley-more a").attr("href");

        Document page2 = Jsoup.parse(given().urlEncodingEnabled(false).get(more).then().statusCode(200)
                .extract().asString());
        assertThat(page2.select("ol.parley-thread > li").eachAttr("id")).containsExactly("parley-c-" + second.commentId());
    }

    @Test
    void returnToOutsideTheBlogOriginsIsRefused() {
        given().queryParam("returnTo", "https://evil.example/phish")
                .get("/posts/{postId}/comments.html", decisions.postId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("returnTo"));
    }

    @Test
    void htmlCarriesAStrictContentSecurityPolicy() {
        Response response = given().queryParam("returnTo", RETURN_TO)
                .get("/posts/{postId}/comments.html", decisions.postId());
        response.then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("form-action http://ingest.test:8081"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self' http://127.0.0.1:8083 https://blog.example"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void answers304WhileNeitherThreadNorTokenMinuteChanged() {
        Response first = given().queryParam("returnTo", RETURN_TO).get("/posts/{postId}/comments.html", decisions.postId());
        String tag = first.then().statusCode(200).extract().header("ETag");

        // Unless the minute turned in between, which would rightly change the tag.
        int status = given().header("If-None-Match", tag).queryParam("returnTo", RETURN_TO)
                .get("/posts/{postId}/comments.html", decisions.postId()).statusCode();
        assertThat(status).isIn(304, 200);
        if (status == 200) {
            given().header("If-None-Match", given().queryParam("returnTo", RETURN_TO)
                            .get("/posts/{postId}/comments.html", decisions.postId()).header("ETag"))
                    .queryParam("returnTo", RETURN_TO)
                    .get("/posts/{postId}/comments.html", decisions.postId()).then().statusCode(304);
        }
    }

    private Document fragment() {
        String body = given().queryParam("returnTo", RETURN_TO)
                .get("/posts/{postId}/comments.html", decisions.postId())
                .then().statusCode(200).extract().asString();
        return Jsoup.parse(body);
    }
}
