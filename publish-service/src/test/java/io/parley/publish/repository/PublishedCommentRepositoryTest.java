package io.parley.publish.repository;

import io.parley.publish.domain.PublishedComment;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision consumer's own reads and writes: every field survives, an older decision never wins, and
 * a save reports how many visible comments each post gained or lost.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class PublishedCommentRepositoryTest {

    @Inject
    PublishedCommentRepository repository;

    @Test
    void everyFieldReadsBackAsSaved() {
        PublishedComment full = comment(3);
        full.parentId = UUID.randomUUID();
        full.authorName = "NULL \"quoted\", {braced} back\\slash";
        full.authorUrl = "https://ada.example/?a=1,2";
        full.html = "<p>Line one\nline \"two\", {three}</p>";
        full.bodySha256 = "ab".repeat(32);
        full.editedAt = Instant.parse("2026-11-23T06:30:01.123456Z");
        PublishedComment sparse = comment(1);
        sparse.visible = false;
        sparse.wasPublished = false;

        save(full, sparse);

        Map<UUID, PublishedComment> read = find(full.id, sparse.id, UUID.randomUUID());
        assertThat(read).containsOnlyKeys(full.id, sparse.id);
        assertSameFields(read.get(full.id), full);
        assertSameFields(read.get(sparse.id), sparse);
    }

    @Test
    void anOlderDecisionLeavesTheNewerRowAlone() {
        PublishedComment newer = comment(2);
        newer.html = "<p>newer</p>";
        save(newer);
        PublishedComment older = comment(1);
        older.id = newer.id;
        older.html = "<p>older</p>";

        save(older);

        assertSameFields(find(newer.id).get(newer.id), newer);
    }

    @Test
    void aNewerDecisionReplacesTheRow() {
        PublishedComment first = comment(1);
        save(first);
        PublishedComment second = comment(2);
        second.id = first.id;
        second.visible = false;
        second.html = null;

        save(second);

        assertSameFields(find(first.id).get(first.id), second);
    }

    @Test
    void savingReportsTheVisibleCommentsEachPostGainedOrLost() {
        PublishedComment shown = comment(1);
        PublishedComment held = comment(1);
        held.postId = shown.postId;
        held.visible = false;
        held.wasPublished = false;
        PublishedComment elsewhere = comment(1);
        assertThat(save(shown, held, elsewhere)).isEqualTo(Map.of(shown.postId, 1, elsewhere.postId, 1));

        PublishedComment hidden = comment(2);
        hidden.id = shown.id;
        hidden.postId = shown.postId;
        hidden.visible = false;
        PublishedComment approved = comment(2);
        approved.id = held.id;
        approved.postId = held.postId;
        assertThat(save(hidden, approved)).isEqualTo(Map.of(shown.postId, 0));

        PublishedComment removedAgain = comment(3);
        removedAgain.id = held.id;
        removedAgain.postId = held.postId;
        removedAgain.visible = false;
        assertThat(save(removedAgain)).isEqualTo(Map.of(shown.postId, -1));
    }

    @Test
    void aWriteLosingToANewerRowReportsNoChange() {
        PublishedComment newer = comment(2);
        save(newer);
        PublishedComment older = comment(1);
        older.id = newer.id;
        older.postId = newer.postId;

        assertThat(save(older)).isEmpty();
    }

    /** Field by field, leaving out what Hibernate's bytecode enhancement adds to the entity. */
    private static void assertSameFields(PublishedComment actual, PublishedComment expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFieldsMatchingRegexes("\\$\\$_hibernate.*")
                .isEqualTo(expected);
    }

    private Map<String, Integer> save(PublishedComment... comments) {
        return QuarkusTransaction.requiringNew().call(() -> repository.saveAll(List.of(comments)));
    }

    private Map<UUID, PublishedComment> find(UUID... ids) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findAllById(List.of(ids)));
    }

    private static PublishedComment comment(long decisionVersion) {
        PublishedComment comment = new PublishedComment();
        comment.id = UUID.randomUUID();
        comment.postId = TestEvents.newPostId();
        comment.visible = true;
        comment.wasPublished = true;
        comment.html = "<p>Hello</p>";
        comment.submittedAt = Instant.parse("2026-11-23T06:29:59.000001Z");
        comment.decisionVersion = decisionVersion;
        comment.updatedAt = Instant.parse("2026-11-23T06:30:00Z");
        return comment;
    }
}
