package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.StarterData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Both models scored in one pass give exactly what each model gives on its own. */
class PairedModelsTest {

    private static Featurizer featurizer;

    @BeforeAll
    static void featurizer() {
        featurizer = new Featurizer(StarterData.terms());
    }

    @Test
    void scoresEqualEachModelsOwnForTheStarterModels() {
        assertSameScores(new Trainer(featurizer).train(1, StarterData.corpus()), texts());
    }

    private static void assertSameScores(ModelSet models, List<String> texts) {
        PairedModels paired = new PairedModels(models);
        for (String text : texts) {
            FeatureSet features = features(text);
            PairedModels.Scores scores = paired.score(features);
            assertThat(scores.spam()).as(text).isEqualTo(models.spam().probability(features));
            assertThat(scores.offensive()).as(text).isEqualTo(models.offensive().probability(features));
            assertThat(scores.spamLogOdds()).as(text).isEqualTo(models.spam().logOdds(features));
            assertThat(scores.offensiveLogOdds()).as(text).isEqualTo(models.offensive().logOdds(features));
        }
    }

    /** The corpus itself (features both models know) and random words (features neither knows). */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        StarterData.corpus().forEach(example -> texts.add(example.body()));
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                text.append((char) ('a' + random.nextInt(26))).append(Integer.toString(random.nextInt(1000), 36))
                        .append(' ');
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static FeatureSet features(String text) {
        return featurizer.featureSet(featurizer.evidence(text, "Reader", null));
    }
}
