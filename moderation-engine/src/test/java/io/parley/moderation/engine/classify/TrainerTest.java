package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.semantic.WordHashEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainerTest {

    private static Featurizer featurizer;
    private static ModelSet models;

    @BeforeAll
    static void trainOnTheStarterCorpus() {
        featurizer = new Featurizer(StarterData.terms());
        models = new Trainer(featurizer).train(7, StarterData.corpus());
    }

    private static double spam(String body, String author) {
        return models.spam().probability(featurizer.features(featurizer.evidence(body, author, null)));
    }

    @Test
    void unseenSpamScoresAboveUnseenLegitimateComments() {
        assertThat(spam("Nice article. Get cheap loans online today at www.fast-cash.example", "Fast Cash Loans"))
                .isGreaterThan(0.5);
        assertThat(spam("Which Tor Browser security level did you test this with?", "Mira")).isLessThan(0.5);
    }

    @Test
    void offensiveModelSeparatesInsultsFromDisagreement() {
        double insult = models.offensive().probability(featurizer.features(
                featurizer.evidence("You are a pathetic idiot, shut up", "x", null)));
        double disagreement = models.offensive().probability(featurizer.features(
                featurizer.evidence("I respectfully disagree with your conclusion about VPNs", "y", null)));
        assertThat(insult).isGreaterThan(disagreement);
    }

    @Test
    void textSharingNothingWithTheExamplesScoresNearTheLabelsFrequencyNotAHalf() {
        // Random words, so that no feature but the constant one is common to many examples.
        java.util.Random random = new java.util.Random(3);
        List<LabeledComment> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Label label = i < 10 ? Label.OFFENSIVE : i < 20 ? Label.SPAM : Label.HAM;
            examples.add(new LabeledComment(randomWords(random), null, null, label));
        }
        ModelSet oneInTenOffensive = new Trainer(featurizer).train(9, examples);

        double unseen = oneInTenOffensive.offensive().probability(
                featurizer.features(featurizer.evidence("Qwzx", null, null)));

        assertThat(unseen).isLessThan(0.25);
    }

    private static String randomWords(java.util.Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 4; w++) {
            for (int c = 0; c < 7; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(' ');
        }
        return text.toString().strip();
    }

    @Test
    void modelSetSurvivesStorageAsBytes() {
        String[] features = featurizer.features(featurizer.evidence("check out my channel", "Kev", null));
        ModelSet restored = ModelSet.fromBytes(7, models.toBytes());
        assertThat(restored.version()).isEqualTo(7);
        assertThat(restored.spam().probability(features)).isEqualTo(models.spam().probability(features));
    }

    @Test
    void aModeratorLabelChangesWhatTheModelLearns() {
        String text = "zorblax quantum widget sale";
        List<LabeledComment> withLabels = new java.util.ArrayList<>(StarterData.corpus());
        for (int i = 0; i < 5; i++) {
            withLabels.add(new LabeledComment(text + " " + i, "vendor", null, Label.SPAM));
        }
        ModelSet retrained = new Trainer(featurizer).train(8, withLabels);
        String[] features = featurizer.features(featurizer.evidence(text, "vendor", null));
        assertThat(retrained.spam().probability(features)).isGreaterThan(models.spam().probability(features));
    }

    @Test
    void scoringFromFeatureHashesGivesTheModelsOwnProbabilities() {
        for (LabeledComment c : StarterData.corpus()) {
            Evidence e = featurizer.evidence(c.body() + " plus words the model never saw", c.authorName(), c.authorUrl());
            String[] named = featurizer.features(e);
            FeatureSet hashed = featurizer.featureSet(e);
            assertThat(models.spam().probability(hashed)).isCloseTo(models.spam().probability(named), within(1e-9));
            assertThat(models.offensive().probability(hashed))
                    .isCloseTo(models.offensive().probability(named), within(1e-9));
        }
    }

    @Test
    void calibrationSurvivesStorageAndOlderUncalibratedBlobsStillLoad() throws Exception {
        BinaryModel calibrated = models.spam().calibrated(0.5, -0.25);
        ModelSet set = new ModelSet(3, calibrated, models.offensive());
        String[] features = featurizer.features(featurizer.evidence("check out my channel", "Kev", null));
        assertThat(ModelSet.fromBytes(3, set.toBytes()).spam().probability(features))
                .isEqualTo(calibrated.probability(features));

        java.io.ByteArrayOutputStream formatOne = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(formatOne)) {
            out.writeInt(1);
            for (BinaryModel m : new BinaryModel[]{calibrated, models.offensive()}) {
                byte[] bytes = m.toBytes();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
        BinaryModel old = ModelSet.fromBytes(3, formatOne.toByteArray()).spam();
        assertThat(old.probability(features)).isEqualTo(calibrated.calibrated(1, 0).probability(features))
                .isNotEqualTo(calibrated.probability(features));
    }

    @Test
    void withAnEncoderTheTrainerAlsoFitsTheSecondStageWhichSurvivesStorage() {
        ModelSet withHeads = new Trainer(featurizer, new WordHashEncoder()).train(9, StarterData.corpus());
        assertThat(models.heads()).isNull();
        assertThat(withHeads.heads()).isNotNull();
        assertThat(withHeads.heads().spam().inputs()).isEqualTo(WordHashEncoder.DIMENSION + 1);

        double[] input = EmbeddingHeads.input(new WordHashEncoder().encode("free gift cards on my channel"), 1.5);
        EmbeddingHeads restored = ModelSet.fromBytes(9, withHeads.toBytes()).heads();
        assertThat(restored.spam().probability(input)).isEqualTo(withHeads.heads().spam().probability(input));
        assertThat(restored.offensive().probability(input)).isEqualTo(withHeads.heads().offensive().probability(input));
    }

    @Test
    void withTooFewOffensiveExamplesThereIsNoSecondStage() {
        List<LabeledComment> fewOffensive = new java.util.ArrayList<>();
        int offensive = 0;
        for (LabeledComment c : StarterData.corpus()) {
            if (c.label() != Label.OFFENSIVE || offensive++ < Trainer.MIN_PER_CLASS_FOR_HEADS - 1) {
                fewOffensive.add(c);
            }
        }
        WordHashEncoder encoder = new WordHashEncoder();

        ModelSet set = new Trainer(featurizer, encoder).train(10, fewOffensive);

        assertThat(set.heads()).isNull();
        assertThat(encoder.calls).hasValue(0);
    }
}
