package io.parley.moderation.service;

import io.parley.moderation.domain.ModerationTerm;
import io.parley.moderation.engine.StarterData;
import io.parley.moderation.repository.ModerationTermRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class DefaultTermsTest {

    @Inject
    ModerationTermRepository terms;

    @Test
    void migrationSeedsTheEngineDefaultTermLists() {
        var all = QuarkusTransaction.requiringNew().call(() -> terms.listAll());
        assertThat(all.stream().filter(t -> t.kind == ModerationTerm.Kind.blocked).map(t -> t.term))
                .containsExactlyInAnyOrderElementsOf(StarterData.blockedTerms());
        assertThat(all.stream().filter(t -> t.kind == ModerationTerm.Kind.suspect).map(t -> t.term))
                .containsExactlyInAnyOrderElementsOf(StarterData.suspectTerms());
    }
}
