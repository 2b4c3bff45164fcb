package io.parley.moderation.repository;

import io.parley.events.Outcome;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The author record trust is judged from: approvals and refusals per author key, each capped. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class AuthorRecordQueryTest {

    @Inject
    ModeratedCommentRepository comments;

    @Inject
    EntityManager em;

    @Test
    void countsApprovalsAndRefusalsPerAuthorAndIgnoresOtherOutcomes() {
        String regular = "author-" + UUID.randomUUID();
        String spammer = "author-" + UUID.randomUUID();
        String newcomer = "author-" + UUID.randomUUID();
        insert(regular, "APPROVED", 3);
        insert(regular, "REJECTED", 1);
        insert(regular, "PENDING", 2);
        insert(spammer, "SPAM", 2);
        insert(spammer, "WITHDRAWN", 1);

        Map<String, Map<Outcome, Long>> record = read(List.of(regular, spammer, newcomer));

        assertThat(record.get(regular)).containsExactlyInAnyOrderEntriesOf(
                Map.of(Outcome.APPROVED, 3L, Outcome.REJECTED, 1L));
        assertThat(record.get(spammer)).containsExactlyInAnyOrderEntriesOf(Map.of(Outcome.SPAM, 2L));
        assertThat(record).doesNotContainKey(newcomer);
    }

    @Test
    void aPseudonymSharedByManyCommentsIsCountedOnlyUpToTheCap() {
        String anonymous = "author-" + UUID.randomUUID();
        insert(anonymous, "APPROVED", ModeratedCommentRepository.RECORD_CAP + 50);
        insert(anonymous, "SPAM", 1);

        Map<String, Map<Outcome, Long>> record = read(List.of(anonymous));

        assertThat(record.get(anonymous)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Outcome.APPROVED, (long) ModeratedCommentRepository.RECORD_CAP, Outcome.SPAM, 1L));
    }

    private Map<String, Map<Outcome, Long>> read(List<String> authorKeys) {
        return QuarkusTransaction.requiringNew().call(() -> comments.outcomesByAuthor(authorKeys));
    }

    private void insert(String authorKey, String outcome, int count) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into comment (id, post_id, author_name, body, event_version, submitted_at, received_at,
                                             outcome, decision_version, author_key)
                        select gen_random_uuid(), 'author-record-test', 'Anonymous', 'A comment.', 1, now(), now(),
                               ?1, 1, ?2
                        from generate_series(1, ?3)""")
                .setParameter(1, outcome).setParameter(2, authorKey).setParameter(3, count)
                .executeUpdate());
    }
}
