package io.parley.publish.rest;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.publish.Decisions;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** The feed checked against RFC 4287's structure with a namespace-aware XML parser. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class FeedResourceTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private final Decisions decisions = Decisions.forNewPost();

    @Test
    void feedIsValidAtomWithOneEntryPerComment() throws Exception {
        ModerationDecision first = decisions.approve(null, "First *post*");
        ModerationDecision reply = decisions.approve(first.commentId(), "A reply with <b>tags</b> & ampersands");
        decisions.awaitCount(2);

        Element feed = feed(decisions.postId());

        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "id").getTextContent()).startsWith("urn:parley:thread:");
        assertThat(child(feed, "title").getTextContent()).contains(decisions.postId());
        OffsetDateTime.parse(child(feed, "updated").getTextContent());
        assertThat(child(child(feed, "author"), "name").getTextContent()).isNotBlank();
        Element self = child(feed, "link");
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).endsWith("/posts/" + decisions.postId() + "/comments.atom");

        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(2);
        assertThat(new HashSet<>(entries.stream().map(e -> child(e, "id").getTextContent()).toList()))
                .containsExactlyInAnyOrder("urn:uuid:" + first.commentId(), "urn:uuid:" + reply.commentId());
        for (Element entry : entries) {
            assertThat(child(entry, "title").getTextContent()).isNotBlank();
            OffsetDateTime.parse(child(entry, "updated").getTextContent());
            OffsetDateTime.parse(child(entry, "published").getTextContent());
            assertThat(child(child(entry, "author"), "name").getTextContent()).isEqualTo("Ada");
            assertThat(child(entry, "content").getAttribute("type")).isEqualTo("html");
        }
        Element newest = entries.get(0);
        assertThat(child(newest, "id").getTextContent()).isEqualTo("urn:uuid:" + reply.commentId());
        // html content is escaped text in the XML: the parser hands back the sanitised markup
        assertThat(child(newest, "content").getTextContent())
                .isEqualTo("<p>A reply with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands</p>");
    }

    @Test
    void emptyThreadIsStillAValidFeed() throws Exception {
        Element feed = feed(decisions.postId());

        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "id")).isNotNull();
        assertThat(child(feed, "updated")).isNotNull();
        assertThat(children(feed, "entry")).isEmpty();
    }

    @Test
    void removedCommentIsARemovedEntryWithoutItsText() throws Exception {
        UUID removed = UUID.randomUUID();
        decisions.send(removed, null, 1, Outcome.APPROVED, "regrettable");
        decisions.approve(removed, "reply");
        decisions.awaitCount(2);
        decisions.send(removed, null, 2, Outcome.REJECTED, "regrettable");
        decisions.awaitCount(1);

        Element entry = children(feed(decisions.postId()), "entry").stream()
                .filter(e -> child(e, "id").getTextContent().equals("urn:uuid:" + removed))
                .findFirst().orElseThrow();
        assertThat(child(entry, "content").getTextContent()).isEqualTo("[removed]");
        assertThat(child(entry, "title").getTextContent()).isEqualTo("[removed]");
        assertThat(children(entry, "author")).isEmpty();
    }

    @Test
    void controlCharactersAXmlParserWouldRejectAreLeftOut() throws Exception {
        decisions.send(UUID.randomUUID(), null, 1, Outcome.APPROVED,
                new io.parley.events.PublicAuthor("Ada\u0007\u001b", null), "bell \u0007 and escape \u001b here");
        decisions.awaitCount(1);

        Element entry = children(feed(decisions.postId()), "entry").get(0);
        assertThat(child(child(entry, "author"), "name").getTextContent()).isEqualTo("Ada");
        assertThat(child(entry, "content").getTextContent()).doesNotContain("\u0007", "\u001b");
    }

    static Element feed(String postId) throws Exception {
        byte[] body = given().get("/posts/{postId}/comments.atom", postId)
                .then().statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        return document.getDocumentElement();
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
