package io.parley.moderation.console;

import io.parley.events.Outcome;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.messaging.PublishedDecisions;
import io.parley.moderation.rest.HeldComments;
import io.parley.moderation.rest.Moderators;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class ConsoleTest {

    private static final String XSS_BODY = "<script>alert('body')</script><img src=x onerror=alert(1)> & \"quotes\"";
    private static final String XSS_NAME = "\"><svg onload=alert(2)>";

    @Inject
    HeldComments held;

    @Test
    void signInSetsAnHttpOnlySameSiteStrictSessionCookie() {
        Response login = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Moderators.ADMIN).formParam("j_password", Moderators.ADMIN_PASSWORD)
                .post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("parley-session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Moderators.ADMIN).formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/login?error=1"));
    }

    @Test
    void behindATlsProxyBothCookiesAreSecure() {
        Response login = RestAssured.given().header("X-Forwarded-Proto", "https").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Moderators.ADMIN).formParam("j_password", Moderators.ADMIN_PASSWORD)
                .post("/j_security_check");
        assertThat(login.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("parley-session=").containsIgnoringCase("; Secure"));
        Response page = RestAssured.given().header("X-Forwarded-Proto", "https")
                .cookie("parley-session", login.getCookie("parley-session")).get("/queue");
        assertThat(page.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("parley-csrf=").containsIgnoringCase(";Secure"));
        assertThat(RestAssured.given().cookie("parley-session", login.getCookie("parley-session")).get("/queue")
                .getHeaders().getValues("Set-Cookie")).noneMatch(c -> c.toLowerCase().contains("secure"));
    }

    @Test
    void theCsrfCookieIsHttpOnlyAndSameSiteStrict() {
        ConsoleSession session = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);
        String cookie = RestAssured.given().cookie("parley-session", session.session()).get("/stats")
                .getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("parley-csrf="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void everyPageHasAStrictPolicyAndNoInlineScriptOrStyle() {
        ModeratedComment comment = held.held(TestEvents.newPostId(), "Headers please");
        ConsoleSession session = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);
        for (String path : List.of("/queue", "/comments/" + comment.id, "/terms", "/bans", "/stats")) {
            Response page = session.cookies().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(path, page);
            assertNoInlineCode(path, page.asString());
        }
        Response login = RestAssured.given().get("/login");
        assertSecurityHeaders("/login", login);
        assertNoInlineCode("/login", login.asString());
    }

    @Test
    void commentTextAndAuthorAreAlwaysEscaped() {
        ModeratedComment comment = held.held(TestEvents.newPostId(), XSS_BODY);
        held.rename(comment.id, XSS_NAME);
        ConsoleSession session = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);

        for (String path : List.of("/queue?postId=" + comment.postId, "/comments/" + comment.id)) {
            String html = session.cookies().get(path).asString();
            assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .doesNotContain("<svg").contains("&lt;script&gt;alert(");
            assertNoInlineCode(path, html);
        }
    }

    @Test
    void aConsoleDecisionWithTheTokenIsPublishedAndReturnsToTheQueue() {
        ModeratedComment comment = held.held(TestEvents.newPostId(), "Decide me in the console");
        ConsoleSession session = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);

        session.post("/comments/" + comment.id + "/decision", "action", "approve",
                        "returnTo", "/queue?postId=" + comment.postId)
                .then().statusCode(303).header("Location", endsWith("/queue?postId=" + comment.postId));

        assertThat(new PublishedDecisions().await(comment.id, 2).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void aDecisionNeverRedirectsOutOfTheConsole() {
        ModeratedComment comment = held.held(TestEvents.newPostId(), "Redirect me elsewhere");
        ConsoleSession session = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);
        for (String evil : List.of("https://evil.example/", "//evil.example/queue", "/queue\\@evil.example")) {
            session.post("/comments/" + comment.id + "/decision", "action", "spam", "returnTo", evil)
                    .then().statusCode(303).header("Location", endsWith("/queue"));
        }
    }

    @Test
    void termListsAndBansAreEditedThroughTheConsole() {
        ConsoleSession session = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);
        String word = "zc" + UUID.randomUUID().toString().substring(0, 8);
        session.post("/terms", "term", word, "kind", "blocked").then().statusCode(303);
        int id = Moderators.asAdmin().get("/api/v1/terms").then().body("blocked.term", hasItem(word)).extract()
                .path("blocked.find { it.term == '" + word + "' }.id");
        session.post("/terms/" + id + "/delete").then().statusCode(303); // the engine's lists as they were
        Moderators.asAdmin().get("/api/v1/terms").then().body("blocked.term", not(hasItem(word)));

        String value = "author-" + UUID.randomUUID();
        session.post("/bans", "kind", "author", "value", value, "hours", "2", "reason", "console").then()
                .statusCode(303);
        Moderators.asAdmin().get("/api/v1/bans").then().body("value", hasItem(value));
        assertThat(session.cookies().get("/bans").asString()).contains(value);
    }

    @Test
    void signingOutDropsTheCookies() {
        ConsoleSession session = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);
        Response out = session.post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("parley-session=").containsIgnoringCase("Max-Age=0"))
                .anySatisfy(c -> assertThat(c).startsWith("parley-csrf=").containsIgnoringCase("Max-Age=0"));
    }

    private static void assertSecurityHeaders(String path, Response page) {
        assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).as(path)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("form-action 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
    }

    /** Scripts and styles only from files: a CSP without unsafe-inline would block anything else anyway. */
    private static void assertNoInlineCode(String path, String html) {
        assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("(?i)<style").doesNotContainPattern("(?i)\\sstyle=")
                .doesNotContainPattern("(?i)<[^>]+\\son[a-z]+=");
    }
}
