package io.parley.moderation.service;

import io.parley.events.AbuseSignals;
import io.parley.events.CommentAuthor;
import io.parley.events.CommentEdited;
import io.parley.events.CommentEvent;
import io.parley.events.CommentSubmitted;
import io.parley.events.CommentWithdrawn;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.engine.ModerationEngine;
import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.SimHash;
import io.parley.moderation.engine.text.Text;
import io.parley.moderation.repository.CampaignRepository;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A batch is judged with lookups read once for all its comments; it must decide as one by one would. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class ModerationBatchTest {

    @Inject
    ModerationService moderation;

    @Inject
    DecisionRecordRepository decisions;

    @Inject
    EngineProvider engines;

    @Inject
    CampaignRepository campaigns;

    @Test
    void copiesArrivingInOneBatchFormOneCampaign() {
        // Unlike CommentLifecycleTest's campaign text in the same database: two copies of one base text with
        // different random suffixes fall within the near-duplicate distance about one run in twelve.
        String text = "Make 500 dollars a day working from your couch, the secret method is explained on my page "
                + UUID.randomUUID().toString().substring(0, 4);
        List<CommentEvent> copies = List.of(
                TestEvents.submitted(TestEvents.newPostId(), text),
                TestEvents.submitted(TestEvents.newPostId(), text + "!"),
                TestEvents.submitted(TestEvents.newPostId(), text.toUpperCase()));

        moderation.apply(copies);

        for (CommentEvent copy : copies) {
            DecisionRecord record = history(copy.commentId()).get(0);
            assertThat(record.rules).contains("campaign");
            assertThat(record.reasons).anyMatch(reason -> reason.contains("on 3 posts"));
        }
    }

    @Test
    void aBatchJoinsItsCampaignsInATransactionOfItsOwnBeforeItIsJudged() throws Exception {
        String text = "Earn 300 euros a week from home with the method on my profile page "
                + UUID.randomUUID().toString().substring(0, 4);
        CommentSubmitted first = TestEvents.submitted(TestEvents.newPostId(), text);
        CountDownLatch judged = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService instance = Executors.newSingleThreadExecutor();
        try {
            // The batch's own transaction stays open after it was judged, as while its inserts and commit run.
            Future<?> batch = instance.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                moderation.apply(List.of(first));
                judged.countDown();
                awaitQuietly(mayCommit);
            }));
            assertThat(judged.await(30, TimeUnit.SECONDS)).isTrue();

            // Another instance's copy neither waits for that commit nor founds a campaign of its own.
            CampaignRepository.Member copy = new CampaignRepository.Member(UUID.randomUUID(), TestEvents.newPostId(),
                    SimHash.of(Text.words(Text.normalize(text))).orElseThrow());
            Map<UUID, Campaign> joined = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> QuarkusTransaction.requiringNew().call(() -> campaigns.recordAll(List.of(copy))));

            assertThat(joined.get(copy.commentId()).id()).isEqualTo(first.commentId());
            mayCommit.countDown();
            batch.get(30, TimeUnit.SECONDS);
        } finally {
            mayCommit.countDown();
            instance.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void submissionEditAndWithdrawalInOneBatchApplyInOrder() {
        CommentSubmitted submitted = TestEvents.submitted(TestEvents.newPostId(),
                "The part about bridges answered the question I had, thank you.");
        CommentEdited edited = CommentEdited.of(submitted.commentId(), 2, submitted.postId(),
                "The part about bridges and snowflake answered my question, thank you.", TestEvents.now());
        CommentWithdrawn withdrawn = CommentWithdrawn.of(submitted.commentId(), 3, submitted.postId(),
                TestEvents.now());

        List<ModerationDecision> published = moderation.apply(List.of(submitted, edited, withdrawn));

        assertThat(published).extracting(ModerationDecision::version).containsExactly(1L, 2L, 3L);
        assertThat(published.get(1).body()).isEqualTo(edited.body());
        assertThat(published.get(2).outcome()).isEqualTo(Outcome.WITHDRAWN);
        assertThat(history(submitted.commentId())).extracting(d -> d.version).containsExactly(1L, 2L, 3L);
    }

    /** The text's evidence is drawn once per batch, from the submission: an edit in the same batch must not reuse it. */
    @Test
    void anEditInTheSameBatchIsJudgedOnItsNewText() {
        CommentSubmitted submitted = TestEvents.submitted(TestEvents.newPostId(),
                "Thanks, the section on DNS leaks was really clear.");
        CommentEdited edited = CommentEdited.of(submitted.commentId(), 2, submitted.postId(),
                "Great post! wholesale jerseys from china, cheap nfl jerseys at jerseys-outlet.example", TestEvents.now());

        List<ModerationDecision> published = moderation.apply(List.of(submitted, edited));

        assertThat(published).extracting(ModerationDecision::outcome).containsExactly(Outcome.APPROVED, Outcome.SPAM);
    }

    @Test
    void approvalsEarlierInTheBatchCountTowardsTheAuthorsTrust() {
        String author = "author-key-" + UUID.randomUUID();
        String postId = TestEvents.newPostId();
        List<CommentEvent> batch = List.of(
                by(author, postId, "Thanks, the section on DNS leaks was really clear."),
                by(author, postId, "I tried the bridge settings you describe and they worked for me."),
                by(author, postId, "Good point about keeping the browser window at its default size."),
                by(author, postId, "Looking forward to the next release notes."));

        List<ModerationDecision> published = moderation.apply(batch);

        assertThat(published.subList(0, 3)).extracting(ModerationDecision::outcome).containsOnly(Outcome.APPROVED);
        assertThat(history(batch.get(0).commentId()).get(0).rules).doesNotContain("trusted-author");
        assertThat(history(batch.get(3).commentId()).get(0).rules).contains("trusted-author");
    }

    @Test
    void redeliveredBatchYieldsTheSameDecisionsAndWritesNothingNew() {
        List<CommentEvent> batch = List.of(
                TestEvents.submitted(TestEvents.newPostId(), "Is there a way to verify the signature on Windows?"),
                TestEvents.submitted(TestEvents.newPostId(), "Which version fixed the font fingerprinting issue?"));

        List<ModerationDecision> first = moderation.apply(batch);
        List<ModerationDecision> again = moderation.apply(batch);

        assertThat(again).extracting(ModerationDecision::commentId, ModerationDecision::version,
                        ModerationDecision::outcome)
                .isEqualTo(first.stream().map(d -> org.assertj.core.groups.Tuple.tuple(d.commentId(), d.version(),
                        d.outcome())).toList());
        batch.forEach(event -> assertThat(history(event.commentId())).hasSize(1));
    }

    @Test
    void aBatchRunsAsManyStatementsWhateverItsSize() {
        moderation.apply(distinctComments(1)); // the engine and its lookups are ready before counting
        int few = 0;
        int many = 0;
        boolean sameEngine = false;
        // A moderator's decision in another test retrains in the background; a new model read mid-count is
        // not the batch's cost, so such a count is taken again.
        for (int attempt = 0; attempt < 5 && !sameEngine; attempt++) {
            ModerationEngine engine = currentEngine();
            few = StatementCounter.runBy(() -> moderation.apply(distinctComments(3)));
            many = StatementCounter.runBy(() -> moderation.apply(distinctComments(30)));
            sameEngine = currentEngine() == engine;
        }

        assertThat(sameEngine).as("the engine stayed the same while counting").isTrue();
        assertThat(few).isPositive();
        assertThat(many).isEqualTo(few);
    }

    private ModerationEngine currentEngine() {
        return QuarkusTransaction.requiringNew().call(engines::current);
    }

    /** New comments by different authors on different posts, none a copy of another. */
    private static List<CommentEvent> distinctComments(int count) {
        String[] subjects = {"bridges", "snowflake", "onion services", "the security slider", "letterboxing",
                "relay bandwidth"};
        String[] places = {"at home", "at work", "in a library", "on a train", "abroad"};
        return IntStream.range(0, count)
                .<CommentEvent>mapToObj(i -> by("author-" + UUID.randomUUID(), TestEvents.newPostId(),
                        "Question " + i + ": how do " + subjects[i % subjects.length] + " behave "
                                + places[i % places.length] + " for you?"))
                .toList();
    }

    private static CommentSubmitted by(String authorKey, String postId, String body) {
        return CommentSubmitted.of(UUID.randomUUID(), postId, null, new CommentAuthor("Grace", null, null), body,
                TestEvents.now(), authorKey, AbuseSignals.none());
    }

    private List<DecisionRecord> history(UUID commentId) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.history(commentId));
    }
}
