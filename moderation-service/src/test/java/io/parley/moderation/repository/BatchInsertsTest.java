package io.parley.moderation.repository;

import io.parley.events.AbuseSignals;
import io.parley.events.Outcome;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's array-bound inserts: every field reads back through Hibernate's entities as written. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class BatchInsertsTest {

    /** Characters that mean something inside an array literal or JSON text. */
    private static final String AWKWARD = "NULL \"quoted\", {braced} back\\slash\nnew line";

    @Inject
    ModeratedCommentRepository comments;

    @Inject
    DecisionRecordRepository decisions;

    @Test
    void everyCommentFieldReadsBackAsInserted() {
        ModeratedComment full = comment();
        full.parentId = UUID.randomUUID();
        full.authorEmail = "ada@example.org";
        full.authorUrl = "https://ada.example/?a=1,2";
        full.authorKey = "author-" + UUID.randomUUID();
        full.signals = new AbuseSignals(true, 1234L, 18, 20, "fp-" + AWKWARD, true);
        ModeratedComment sparse = comment();
        sparse.signals = new AbuseSignals(false, null, 0, 0, null, false);
        ModeratedComment noSignals = comment();
        noSignals.signals = null;

        QuarkusTransaction.requiringNew().run(() -> comments.insertAll(List.of(full, sparse, noSignals)));

        for (ModeratedComment inserted : List.of(full, sparse, noSignals)) {
            ModeratedComment read = QuarkusTransaction.requiringNew().call(() -> comments.findById(inserted.id));
            assertThat(read).usingRecursiveComparison().ignoringFieldsMatchingRegexes("\\$\\$_hibernate.*")
                    .isEqualTo(inserted);
        }
    }

    @Test
    void everyDecisionFieldReadsBackAsInsertedWithAnIdOfItsOwn() {
        ModeratedComment comment = comment();
        DecisionRecord automatic = DecisionRecord.of(comment, DecisionRecord.AUTOMATIC, AWKWARD,
                Instant.parse("2026-12-03T09:00:00.654321Z"));
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("spam", 0.0123);
        scores.put("offTopic", 1.0);
        automatic.scores = scores;
        automatic.reasons = List.of(AWKWARD, "classifier v3: spam 0.012");
        automatic.rules = List.of("links", "first-time-author");
        automatic.modelVersion = 3;
        comment.decisionVersion = 2;
        comment.outcome = Outcome.WITHDRAWN;
        DecisionRecord withdrawn = DecisionRecord.of(comment, DecisionRecord.COMMENTER, null,
                Instant.parse("2026-12-03T09:00:01Z"));

        QuarkusTransaction.requiringNew().run(() -> {
            comments.insertAll(List.of(comment));
            decisions.insertAll(List.of(automatic, withdrawn));
        });

        List<DecisionRecord> history = QuarkusTransaction.requiringNew().call(() -> decisions.history(comment.id));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).id).isNotNull().isNotEqualTo(history.get(1).id);
        assertThat(history.get(0)).usingRecursiveComparison().ignoringFieldsMatchingRegexes("id", "\\$\\$_hibernate.*")
                .isEqualTo(automatic);
        assertThat(history.get(1)).usingRecursiveComparison().ignoringFieldsMatchingRegexes("id", "\\$\\$_hibernate.*")
                .isEqualTo(withdrawn);
    }

    private static ModeratedComment comment() {
        ModeratedComment comment = new ModeratedComment();
        comment.id = UUID.randomUUID();
        comment.postId = TestEvents.newPostId();
        comment.authorName = AWKWARD;
        comment.body = "A body with " + AWKWARD + " and ünïcödé";
        comment.eventVersion = 1;
        comment.submittedAt = Instant.parse("2026-12-03T08:59:59.000001Z");
        comment.receivedAt = Instant.parse("2026-12-03T09:00:00.123456Z");
        comment.outcome = Outcome.PENDING;
        comment.decisionVersion = 1;
        return comment;
    }
}
