package io.parley.moderation.engine;

import io.parley.events.AbuseSignals;
import io.parley.events.Outcome;
import io.parley.moderation.engine.classify.Featurizer;
import io.parley.moderation.engine.classify.LabeledComment;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.classify.Trainer;
import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.engine.signal.Trust;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModerationEngineTest {

    private static final Relevance RELEVANCE =
            new Relevance(StarterData.corpus().stream().map(LabeledComment::body).toList());
    private static ModerationEngine engine;

    @BeforeAll
    static void build() {
        Featurizer featurizer = new Featurizer(StarterData.terms());
        ModelSet models = new Trainer(featurizer).train(3, StarterData.corpus());
        engine = new ModerationEngine(Thresholds.DEFAULTS, featurizer, models, RELEVANCE);
    }

    @Test
    void ordinaryQuestionIsApprovedAndExplained() {
        Assessment a = engine.assess(CommentInput.of("Does this also work on Debian stable?", "Mira", null));
        assertThat(a.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(a.modelVersion()).isEqualTo(3);
        assertThat(a.scores()).containsKeys("spam", "spamModel", "offensive");
        assertThat(a.rules()).contains("first-time-author");
    }

    @Test
    void blockedTermIsSpamWhateverTheScore() {
        Assessment a = engine.assess(CommentInput.of("lovely post. wholesale jerseys", "Ann", null));
        assertThat(a.outcome()).isEqualTo(Outcome.SPAM);
        assertThat(a.rules()).contains("blocked-term");
    }

    @Test
    void filledHoneypotIsSpam() {
        Assessment a = engine.assess(CommentInput.of("Thanks, very helpful.", "Ann", null)
                .withSignals(new AbuseSignals(true, 10_000L, 0, 0, null, false)));
        assertThat(a.outcome()).isEqualTo(Outcome.SPAM);
    }

    @Test
    void campaignAndFastFillRaiseTheSpamScore() {
        CommentInput in = CommentInput.of("Hello friends, details about this are on my profile page", "Kim", null);
        double plain = engine.assess(in).score("spam");
        Assessment flagged = engine.assess(in.withCampaign(new Campaign(UUID.randomUUID(), 5, 4))
                .withSignals(new AbuseSignals(false, 400L, 0, 0, null, false)));
        assertThat(flagged.score("spam")).isGreaterThan(plain);
        assertThat(flagged.rules()).contains("campaign", "form-filled-too-fast");
    }

    @Test
    void trustedAuthorScoresLowerThanAFirstTimer() {
        CommentInput in = CommentInput.of("Here is my write-up on the same topic: https://myblog.example/post", "Jo",
                null);
        assertThat(engine.assess(in.withTrust(Trust.TRUSTED)).score("spam"))
                .isLessThan(engine.assess(in).score("spam"));
    }

    @Test
    void unrelatedCommentIsHeldOnlyWhenAlsoDoubtful() {
        Relevance.Document post =
                RELEVANCE.document("Setting up WireGuard on a Raspberry Pi for the whole family, step by step.");
        Assessment unrelatedButClean = engine.assess(CommentInput.of("Thanks!", "Ann", null).withContext(post, null));
        assertThat(unrelatedButClean.outcome()).isEqualTo(Outcome.APPROVED);
        Assessment related = engine.assess(CommentInput.of("Which WireGuard version runs on the Pi?", "Ann", null)
                .withContext(post, null));
        assertThat(related.score("offTopic")).isLessThan(1.0);
    }

    @Test
    void offTopicScoreComparesTheCommentAsWrittenWithThePost() {
        Relevance.Document post = RELEVANCE.document("Bridges and Snowflake proxies help readers behind firewalls.");
        String body = "<p>Do <b>Snowflake</b> proxies &amp; bridges work behind a university FIREWALL?</p>";

        Assessment assessed = engine.assess(CommentInput.of(body, "Ann", null).withContext(post, null));

        assertThat(assessed.score("offTopic")).isCloseTo(
                1 - RELEVANCE.similarity(RELEVANCE.document(body), post, null).orElseThrow(), within(0.00005));
    }

    @Test
    void probabilitiesInReasonsReadAsFormattingWithThreeDecimalsWould() {
        Random random = new Random(11);
        double[] edges = {0.0, 1.0, 0.0005, 0.0015, 0.9995, 0.1235, 0.55, 1e-9};
        for (int n = 0; n < 20_000; n++) {
            double p = n < edges.length ? edges[n] : n % 2 == 0 ? random.nextDouble()
                    : Math.round(random.nextDouble() * 10_000) / 10_000.0;
            assertThat(ModerationEngine.threeDecimals(p)).as("%s", p)
                    .isEqualTo(String.format(Locale.ROOT, "%.3f", p));
        }
    }
}
