package io.parley.moderation.engine;

import io.parley.events.AbuseSignals;
import io.parley.events.Outcome;
import io.parley.moderation.engine.classify.EmbeddingHeads;
import io.parley.moderation.engine.classify.Featurizer;
import io.parley.moderation.engine.classify.LabeledComment;
import io.parley.moderation.engine.classify.LogisticHead;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.classify.Trainer;
import io.parley.moderation.engine.semantic.WordHashEncoder;
import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.Relevance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SecondStageTest {

    private static final Featurizer FEATURIZER = new Featurizer(StarterData.terms());
    private static final Relevance RELEVANCE =
            new Relevance(StarterData.corpus().stream().map(LabeledComment::body).toList());
    private static ModelSet withHeads;
    private WordHashEncoder encoder;

    @BeforeAll
    static void train() {
        withHeads = new Trainer(FEATURIZER, new WordHashEncoder()).train(4, StarterData.corpus());
    }

    @BeforeEach
    void freshEncoder() {
        encoder = new WordHashEncoder();
    }

    private ModerationEngine engine(SecondStage stage) {
        return new ModerationEngine(Thresholds.DEFAULTS, FEATURIZER, withHeads, RELEVANCE, stage);
    }

    @Test
    void confidentCommentsSkipTheSecondStage() {
        ModerationEngine engine = engine(SecondStage.of(() -> encoder));
        CommentInput question = CommentInput.of("Could you share the config file you used for the relay?", "Ines", null);
        ModerationEngine firstStageOnly = new ModerationEngine(Thresholds.DEFAULTS, FEATURIZER, withHeads, RELEVANCE);
        assertThat(firstStageOnly.assess(question).score("spamModel")).isLessThan(0.1);
        assertThat(firstStageOnly.assess(question).score("offensive")).isLessThan(0.2);

        Assessment a = engine.assess(question);

        assertThat(encoder.calls).hasValue(0);
        assertThat(a.rules()).doesNotContain("second-stage");
        assertThat(a.scores()).isEqualTo(firstStageOnly.assess(question).scores());
    }

    @Test
    void uncertainCommentIsEncodedOnceAndScoredAgainWithAReason() {
        // A band that takes every comment: which comment is uncertain is not what this test is about.
        ModerationEngine engine = engine(new SecondStage(() -> encoder, 0, 0));

        Assessment a = engine.assess(CommentInput.of("Nice post, visit my page for more.", "Kim", null));

        assertThat(encoder.calls).hasValue(1);
        assertThat(a.rules()).contains("second-stage");
        assertThat(a.reasons()).anyMatch(r -> r.startsWith("second stage (sentence embedding): ") && r.contains("offensive"));
    }

    @Test
    void commentsMarkedSpamWhateverTheEmbeddingSaysAreNotEncoded() {
        // A band that takes every comment, so only the spam decision can keep a comment from the stage.
        ModerationEngine engine = engine(new SecondStage(() -> encoder, 0, 0));
        ModerationEngine firstStageOnly = new ModerationEngine(Thresholds.DEFAULTS, FEATURIZER, withHeads, RELEVANCE);
        CommentInput blocked = CommentInput.of("lovely post. wholesale jerseys", "Ann", null);
        CommentInput honeypot = CommentInput.of("Thanks, very helpful.", "Ann", null)
                .withSignals(new AbuseSignals(true, 10_000L, 0, 0, null, false));
        CommentInput flood = CommentInput.of("Cheap pills, best casino bonus, visit my site now!", "Kim", null)
                .withCampaign(new Campaign(UUID.randomUUID(), 30, 12))
                .withSignals(new AbuseSignals(false, 300L, 0, 0, null, false));
        assertThat(firstStageOnly.assess(flood).score("spam")).isGreaterThanOrEqualTo(Thresholds.DEFAULTS.spam());

        for (CommentInput in : new CommentInput[]{blocked, honeypot, flood}) {
            Assessment a = engine.assess(in);

            assertThat(a.outcome()).isEqualTo(Outcome.SPAM);
            assertThat(a.rules()).doesNotContain("second-stage");
            assertThat(a.scores()).isEqualTo(firstStageOnly.assess(in).scores());
        }
        assertThat(encoder.calls).hasValue(0);
    }

    /** A head that finds everything positive (or nothing), whatever its input. */
    /**
     * An engine whose second stage calls every comment spam: every comment is in its spam band, none in
     * its offensive one.
     */
    private ModerationEngine suspiciousOfSpam() {
        ModelSet suspicious = new ModelSet(6, withHeads.spam(), withHeads.offensive(),
                new EmbeddingHeads(constantHead(true), constantHead(false)));
        return new ModerationEngine(Thresholds.DEFAULTS, FEATURIZER, suspicious, RELEVANCE,
                new SecondStage(() -> encoder, 0, 1));
    }

    private static LogisticHead constantHead(boolean positive) {
        Random random = new Random(11);
        double[][] x = new double[60][WordHashEncoder.DIMENSION + 1];
        boolean[] labels = new boolean[60];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = random.nextGaussian();
            }
            labels[i] = (i == 0) != positive;
        }
        return LogisticHead.fit(x, labels, 1e6);
    }

    @Test
    void secondStageCanHoldACommentForReviewButNeverMarkItSpam() {
        ModerationEngine engine = suspiciousOfSpam();
        CommentInput question = CommentInput.of("Could you share the config file you used for the relay?", "Ines", null);

        Assessment a = engine.assess(question);

        assertThat(a.score("spamSecondStage")).isGreaterThan(0.9);
        assertThat(a.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(a.rules()).contains("second-stage-spam-review").doesNotContain("spam-threshold");
        assertThat(a.score("spam")).isLessThan(Thresholds.DEFAULTS.review());
    }

    @Test
    void commentHeldForAnotherReasonIsNotEncodedForItsSpamScoreAlone() {
        ModerationEngine engine = suspiciousOfSpam();
        // A clean question, copied on several posts and sent too fast: the rules lift its spam score into
        // the review band whatever the model's small score for the words.
        CommentInput copied = CommentInput.of("Could you share the config file you used for the relay?", "Ines", null)
                .withCampaign(new Campaign(UUID.randomUUID(), 4, 3))
                .withSignals(new AbuseSignals(false, 900L, 20, 20, null, false));

        Assessment a = engine.assess(copied);

        assertThat(a.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(a.rules()).contains("campaign", "form-filled-too-fast", "spam-review")
                .doesNotContain("second-stage");
        assertThat(encoder.calls).hasValue(0);
    }

    @Test
    void encoderIsNotLoadedBeforeAnUncertainCommentArrives() {
        AtomicInteger loads = new AtomicInteger();
        ModerationEngine engine = engine(SecondStage.of(() -> {
            loads.incrementAndGet();
            return encoder;
        }));

        engine.assess(CommentInput.of("Thanks, the step by step guide worked on the first try.", "Ola", null));

        assertThat(loads).hasValue(0);
    }

    @Test
    void modelsTrainedWithoutAnEncoderNeverEncode() {
        ModelSet plain = new Trainer(FEATURIZER).train(5, StarterData.corpus());
        ModerationEngine engine = new ModerationEngine(Thresholds.DEFAULTS, FEATURIZER, plain, RELEVANCE,
                new SecondStage(() -> encoder, 0, 0));

        Assessment a = engine.assess(CommentInput.of("Nice post, visit my page for more.", "Kim", null));

        assertThat(encoder.calls).hasValue(0);
        assertThat(a.rules()).doesNotContain("second-stage");
    }

    @Test
    void bandOutsideZeroToOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecondStage(() -> encoder, -0.1, 0.2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
