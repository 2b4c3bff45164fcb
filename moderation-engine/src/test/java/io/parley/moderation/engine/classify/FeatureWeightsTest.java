package io.parley.moderation.engine.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureWeightsTest {

    @Test
    void aTableSizedTooSmallGrowsAndKeepsEveryWeight() {
        FeatureWeights weights = new FeatureWeights(4, 2);
        for (int i = 1; i <= 1000; i++) {
            weights.put(FeatureHash.of("feature " + i), 0, i);
            weights.put(FeatureHash.of("feature " + i), 1, -i);
        }

        for (int i : new int[]{1, 500, 1000}) {
            assertThat(sums(weights, features("feature " + i))).containsExactly(i, -i);
        }
        assertThat(sums(weights, features("feature 1", "feature 2", "feature 3"))).containsExactly(6, -6);
    }

    @Test
    void aFeatureOneModelDoesNotKnowWeighsNothingForIt() {
        FeatureWeights weights = new FeatureWeights(8, 2);
        weights.put(FeatureHash.of("spam only"), 0, 2.5);
        weights.put(FeatureHash.of("offensive only"), 1, 1.5);

        assertThat(sums(weights, features("spam only"))).containsExactly(2.5, 0);
        assertThat(sums(weights, features("offensive only"))).containsExactly(0, 1.5);
        assertThat(sums(weights, features("spam only", "offensive only", "neither"))).containsExactly(2.5, 1.5);
    }

    @Test
    void sumsAskedForAnotherNumberOfModelsAreRefused() {
        FeatureWeights weights = new FeatureWeights(8, 1);

        assertThatThrownBy(() -> weights.sums(features("any"), new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] sums(FeatureWeights weights, FeatureSet features) {
        double[] sums = new double[2];
        weights.sums(features, sums);
        return sums;
    }

    private static FeatureSet features(String... names) {
        FeatureSet features = new FeatureSet(names.length);
        for (String name : names) {
            features.add(FeatureHash.of(name));
        }
        return features;
    }
}
