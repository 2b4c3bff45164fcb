package io.parley.moderation.engine.classify;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlattScalingTest {

    @Test
    void overConfidentLogOddsAreScaledDown() {
        // Labels drawn with the true log-odds t; the model reports 3 t, three times too sure.
        Random random = new Random(1);
        int n = 20_000;
        double[] z = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            double t = random.nextGaussian() * 2 + 0.5;
            z[i] = 3 * t;
            positive[i] = random.nextDouble() < 1 / (1 + Math.exp(-t));
        }
        double[] ab = PlattScaling.fit(z, positive);
        assertThat(ab[0]).isCloseTo(1 / 3.0, within(0.03));
        assertThat(ab[1]).isCloseTo(0.0, within(0.1));
    }

    @Test
    void scoresThatDoNotRankTheLabelsLeaveTheModelUnchanged() {
        double[] z = {-2, -1, 1, 2};
        boolean[] positive = {true, true, false, false};
        assertThat(PlattScaling.fit(z, positive)).containsExactly(1, 0);
    }
}
