package io.parley.publish.rest;

import io.parley.events.Outcome;
import io.parley.events.PublicAuthor;
import io.parley.publish.Decisions;
import io.parley.publish.InertHtml;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every hostile comment of the corpus, by a hostile author, is inert in the API, the fragment and the feed. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssCorpusTest {

    private static final String HOSTILE_NAME = "<script>alert('name')</script><img src=x onerror=alert(1)>";
    private static final PublicAuthor HOSTILE_AUTHOR = new PublicAuthor(HOSTILE_NAME, "javascript:alert(1)");

    private final Decisions decisions = Decisions.forNewPost();

    private boolean published;

    /** Once per class, but inside the running application (a @BeforeAll would run before it listens). */
    @BeforeEach
    void publishTheCorpus() {
        if (published) {
            return;
        }
        published = true;
        for (String hostile : InertHtml.HOSTILE) {
            decisions.send(UUID.randomUUID(), null, 1, Outcome.APPROVED, HOSTILE_AUTHOR, hostile);
        }
        decisions.awaitCount(InertHtml.HOSTILE.size());
    }

    @Test
    void apiHtmlIsInertAndAuthorIsPlainData() {
        List<String> htmls = given().queryParam("limit", 100).get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().statusCode(200).extract().path("comments.html");
        assertThat(htmls).hasSize(InertHtml.HOSTILE.size());
        htmls.forEach(InertHtml::assertInert);
        List<String> urls = given().queryParam("limit", 100).get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().extract().path("comments.author.url");
        assertThat(urls).containsOnlyNulls();
    }

    @Test
    void fragmentIsInert() {
        Document fragment = Jsoup.parse(given().queryParam("limit", 100)
                .get("/posts/{postId}/comments.html", decisions.postId())
                .then().statusCode(200).extract().asString());

        InertHtml.assertInert(fragment);
        assertThat(fragment.select(".parley-author")).hasSize(InertHtml.HOSTILE.size())
                .allSatisfy(author -> assertThat(author.text()).isEqualTo(HOSTILE_NAME));
    }

    @Test
    void feedIsWellFormedAndItsHtmlInert() throws Exception {
        Element feed = FeedResourceTest.feed(decisions.postId());

        List<Element> entries = FeedResourceTest.children(feed, "entry");
        assertThat(entries).hasSize(InertHtml.HOSTILE.size());
        for (Element entry : entries) {
            InertHtml.assertInert(FeedResourceTest.child(entry, "content").getTextContent());
            assertThat(FeedResourceTest.child(FeedResourceTest.child(entry, "author"), "name").getTextContent())
                    .isEqualTo(HOSTILE_NAME);
            assertThat(FeedResourceTest.child(FeedResourceTest.child(entry, "author"), "uri")).isNull();
        }
    }
}
