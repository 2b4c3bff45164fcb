package io.parley.moderation.service;

import io.parley.events.PostUpdated;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.repository.PostRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class PostDocumentsTest {

    private static final String TEXT = "Browser fingerprinting: canvas, fonts and WebGL reveal enough to track you.";

    @Inject
    PostDocuments documents;

    @Inject
    PostService postService;

    @Inject
    PostRepository posts;

    @Inject
    EngineProvider engines;

    @Test
    void aPostsTextIsPreparedOnceWhileThePostIsUnchanged() {
        String postId = register(TEXT, TestEvents.now());

        Relevance.Document first = prepared(documents, postId);

        assertThat(first.isEmpty()).isFalse();
        assertThat(prepared(documents, postId)).isSameAs(first);
    }

    @Test
    void anUpdatedPostIsPreparedAgainFromItsNewText() {
        Instant registered = TestEvents.now();
        String postId = register(TEXT, registered);
        Relevance.Document before = prepared(documents, postId);

        postService.apply(List.of(PostUpdated.of(postId, "Tractors", null, "Used tractors, ploughs and harrows",
                true, registered.plusSeconds(60))));

        Relevance.Document after = prepared(documents, postId);
        assertThat(after).isNotSameAs(before);
        Relevance.Document question = engines.relevance().document("Which harrows fit a small tractor?");
        assertThat(engines.relevance().similarity(question, after, null).orElseThrow())
                .isGreaterThan(engines.relevance().similarity(question, before, null).orElseThrow());
    }

    @Test
    void unregisteredPostsHaveNoText() {
        String registered = register(TEXT, TestEvents.now());
        String unknown = TestEvents.newPostId();

        assertThat(QuarkusTransaction.requiringNew().call(() -> documents.of(List.of(registered, unknown))))
                .containsOnlyKeys(registered);
    }

    @Test
    void theLeastRecentlyUsedPostsAreDroppedOnceTheTermsExceedTheLimit() {
        String first = register(TEXT, TestEvents.now());
        String second = register("Onion services and their keys", TestEvents.now());
        String third = register("Snowflake proxies in the browser", TestEvents.now());
        // Room for the first two posts' terms, not for the third's as well.
        PostDocuments small = new PostDocuments(posts, engines,
                prepared(documents, first).size() + prepared(documents, second).size());
        Relevance.Document firstPrepared = prepared(small, first);
        Relevance.Document secondPrepared = prepared(small, second);
        prepared(small, first);

        prepared(small, third);

        assertThat(prepared(small, first)).isSameAs(firstPrepared);
        assertThat(prepared(small, second)).isNotSameAs(secondPrepared);
    }

    private String register(String text, Instant updatedAt) {
        String postId = TestEvents.newPostId();
        postService.apply(List.of(PostUpdated.of(postId, "Post", null, text, true, updatedAt)));
        return postId;
    }

    private static Relevance.Document prepared(PostDocuments documents, String postId) {
        Map<String, Relevance.Document> found = QuarkusTransaction.requiringNew()
                .call(() -> documents.of(List.of(postId)));
        return found.get(postId);
    }
}
