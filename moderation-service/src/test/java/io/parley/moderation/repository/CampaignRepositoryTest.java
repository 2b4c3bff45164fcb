package io.parley.moderation.repository;

import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.SimHash;
import io.parley.moderation.engine.text.Text;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Near-duplicates grouped in PostgreSQL: within a batch, across batches, across concurrent transactions,
 * and when a batch comes again.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class CampaignRepositoryTest {

    @Inject
    CampaignRepository campaigns;

    @Inject
    EntityManager em;

    @Test
    void copiesInOneBatchFormOneCampaignCountingEveryCopyAndPost() {
        String text = distinctText();
        List<CampaignRepository.Member> copies = List.of(member(text, "post-a"), member(text, "post-b"),
                member(text, "post-b"));

        Map<UUID, Campaign> joined = record(copies);

        assertThat(joined).hasSize(3);
        assertThat(joined.values()).extracting(Campaign::id).containsOnly(joined.get(copies.get(0).commentId()).id());
        assertThat(joined.values()).allSatisfy(campaign -> {
            assertThat(campaign.comments()).isEqualTo(3);
            assertThat(campaign.posts()).isEqualTo(2);
        });
    }

    @Test
    void aLaterCopyJoinsTheStoredCampaignAndItsSizeGrows() {
        String text = distinctText();
        CampaignRepository.Member first = member(text, "post-a");
        UUID campaign = record(List.of(first)).get(first.commentId()).id();
        CampaignRepository.Member later = member(text, "post-c");

        Campaign joined = record(List.of(later)).get(later.commentId());

        assertThat(joined.id()).isEqualTo(campaign);
        assertThat(joined.comments()).isEqualTo(2);
        assertThat(joined.posts()).isEqualTo(2);
    }

    @Test
    void aRedeliveredBatchKeepsItsCampaignsAndCountsNobodyTwice() {
        String text = distinctText();
        List<CampaignRepository.Member> batch = List.of(member(text, "post-a"), member(text, "post-b"));
        Map<UUID, Campaign> first = record(batch);

        Map<UUID, Campaign> again = record(batch);

        assertThat(again).isEqualTo(first);
        assertThat(again.values()).extracting(Campaign::comments).containsOnly(2);
    }

    @Test
    void unrelatedTextsFoundCampaignsOfTheirOwn() {
        CampaignRepository.Member one = member(distinctText(), "post-a");
        CampaignRepository.Member other = member(distinctText(), "post-a");

        Map<UUID, Campaign> joined = record(List.of(one, other));

        assertThat(joined.get(one.commentId()).id()).isNotEqualTo(joined.get(other.commentId()).id());
        assertThat(joined.values()).extracting(Campaign::comments).containsOnly(1);
    }

    @Test
    void aCampaignIsNamedByTheCommentThatFoundedIt() {
        CampaignRepository.Member first = member(distinctText(), "post-a");

        Campaign founded = record(List.of(first)).get(first.commentId());

        assertThat(founded.id()).isEqualTo(first.commentId());
    }

    @Test
    void aBatchJoiningAStoredCampaignAndFoundingAnotherCountsEachFromItsOwnMembers() {
        String stored = distinctText();
        CampaignRepository.Member earlier = member(stored, "post-a");
        record(List.of(earlier));
        CampaignRepository.Member copy = member(stored, "post-b");
        String fresh = distinctText();
        CampaignRepository.Member founder = member(fresh, "post-b");
        CampaignRepository.Member sameAsFounder = member(fresh, "post-b");

        Map<UUID, Campaign> joined = record(List.of(copy, founder, sameAsFounder));

        assertThat(joined.get(copy.commentId())).isEqualTo(new Campaign(earlier.commentId(), 2, 2));
        assertThat(joined.get(founder.commentId())).isEqualTo(new Campaign(founder.commentId(), 2, 1));
        assertThat(joined.get(sameAsFounder.commentId())).isEqualTo(joined.get(founder.commentId()));
    }

    @Test
    void aStoredMemberJoinsOnlyWithinTheNearDuplicateDistanceThoughItSharesBands() {
        CampaignRepository.Member stored = member(distinctText(), "post-a");
        record(List.of(stored));
        // Both differ from the stored fingerprint in its lowest band only, so both share its other three bands.
        CampaignRepository.Member near = new CampaignRepository.Member(UUID.randomUUID(), "post-b",
                stored.fingerprint() ^ 0b101);
        CampaignRepository.Member far = new CampaignRepository.Member(UUID.randomUUID(), "post-b",
                stored.fingerprint() ^ 0xFFFF);

        Map<UUID, Campaign> joined = record(List.of(near, far));

        assertThat(joined.get(near.commentId()).id()).isEqualTo(stored.commentId());
        assertThat(joined.get(far.commentId()).id()).isEqualTo(far.commentId());
    }

    @Test
    void copiesJoiningAtOnceInTwoTransactionsFormOneCampaign() throws Exception {
        String text = distinctText();
        CampaignRepository.Member first = member(text, "post-a");
        CampaignRepository.Member second = member(text, "post-b");
        CountDownLatch firstJoined = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            // Two instances: the first holds its transaction open after joining, as a batch does while judged.
            Future<Map<UUID, Campaign>> firstJoins = instances.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                Map<UUID, Campaign> joined = campaigns.recordAll(List.of(first));
                firstJoined.countDown();
                assertThat(firstMayCommit.await(30, TimeUnit.SECONDS)).isTrue();
                return joined;
            }));
            assertThat(firstJoined.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Map<UUID, Campaign>> secondJoins = instances.submit(() -> record(List.of(second)));

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !secondJoins.isDone());
            firstMayCommit.countDown();

            assertThat(firstJoins.get(30, TimeUnit.SECONDS).get(first.commentId()).id()).isEqualTo(first.commentId());
            assertThat(secondJoins.get(30, TimeUnit.SECONDS).get(second.commentId()))
                    .isEqualTo(new Campaign(first.commentId(), 2, 2));
        } finally {
            firstMayCommit.countDown();
            instances.shutdownNow();
        }
    }

    @Test
    void joiningLeavesTheCallersTransactionWithBitmapScansAsBefore() {
        CampaignRepository.Member member = member(distinctText(), "post-a");

        String afterJoining = QuarkusTransaction.requiringNew().call(() -> {
            campaigns.recordAll(List.of(member));
            return (String) em.createNativeQuery("show enable_bitmapscan").getSingleResult();
        });

        assertThat(afterJoining).isEqualTo("on");
    }

    private Map<UUID, Campaign> record(List<CampaignRepository.Member> members) {
        return QuarkusTransaction.requiringNew().call(() -> campaigns.recordAll(members));
    }

    /** Words no other text shares, so each test's campaigns are its own. */
    private static String distinctText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(UUID.randomUUID().toString(), 0, 8).append(' ');
        }
        return text.toString().trim();
    }

    private static CampaignRepository.Member member(String text, String postId) {
        return new CampaignRepository.Member(UUID.randomUUID(), postId,
                SimHash.of(Text.words(Text.normalize(text))).orElseThrow());
    }
}
