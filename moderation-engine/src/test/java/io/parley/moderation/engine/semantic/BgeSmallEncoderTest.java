package io.parley.moderation.engine.semantic;

import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.classify.EmbeddingHeads;
import io.parley.moderation.engine.classify.Featurizer;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.classify.Trainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The real model from its jar: loaded once for the JVM, offline. */
class BgeSmallEncoderTest {

    private static final SentenceEncoder ENCODER = BgeSmallEncoder.shared();

    private static double cosine(String a, String b) {
        float[] x = ENCODER.encode(a);
        float[] y = ENCODER.encode(b);
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return dot;
    }

    @Test
    void encodesAnyTextIntoAUnitVectorOfItsDimension() {
        for (String text : new String[]{"Thanks for the write-up!", "", "x".repeat(5_000)}) {
            float[] v = ENCODER.encode(text);
            double norm = 0;
            for (float f : v) {
                norm += f * f;
            }
            assertThat(v).hasSize(ENCODER.dimension());
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void textLongerThanTheModelsPositionsIsCutAtItsLimit() {
        // Each of these characters is a token of its own, so 600 of them exceed the model's 512 positions.
        String start = "\u732b".repeat(BgeSmallEncoder.MAX_TOKENS);
        float[] v = ENCODER.encode(start + "\u72ac".repeat(88));

        assertThat(v).hasSize(ENCODER.dimension());
        assertThat(v).isEqualTo(ENCODER.encode(start + "\u9ce5".repeat(88)));
        assertThat(v).isNotEqualTo(ENCODER.encode("\u732b".repeat(100)));
    }

    @Test
    void isSharedAndGivesTheSameVectorForTheSameText() {
        assertThat(BgeSmallEncoder.shared()).isSameAs(ENCODER);
        assertThat(ENCODER.encode("Which relay did you use?")).isEqualTo(ENCODER.encode("Which relay did you use?"));
    }

    @Test
    void meaningCountsMoreThanSharedWords() {
        // The insult and the paraphrase share no content word; the polite reply shares several with the insult.
        String insult = "You are a brainless fool and your post is worthless trash.";
        String paraphrase = "What an idiot, this is the dumbest thing I have read all year.";
        String polite = "You are right that the post is long, but I found it worth reading.";
        assertThat(cosine(insult, paraphrase)).isGreaterThan(cosine(insult, polite));
    }

    @Test
    void offensiveHeadOnEmbeddingsRanksAnInsultAbovePoliteDisagreement() {
        ModelSet models = new Trainer(new Featurizer(StarterData.terms()), ENCODER).train(1, StarterData.corpus());
        EmbeddingHeads heads = models.heads();
        // The same first-stage opinion for both, so only the embedding tells them apart.
        double insult = heads.offensive().probability(EmbeddingHeads.input(
                ENCODER.encode("Honestly you sound like a clueless halfwit, nobody should listen to you."), 0));
        double disagreement = heads.offensive().probability(EmbeddingHeads.input(
                ENCODER.encode("Honestly I am not convinced; I think the second argument needs more evidence."), 0));
        assertThat(insult).isGreaterThan(disagreement + 0.2);
    }
}
