package io.parley.moderation.engine.classify;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogisticHeadTest {

    /** Two noisy clouds told apart by their first input only; the other inputs are noise. */
    private static double[][] clouds(int n, boolean[] positive, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][5];
        for (int i = 0; i < n; i++) {
            positive[i] = i % 2 == 0;
            x[i][0] = (positive[i] ? 1 : -1) + random.nextGaussian() * 0.7;
            for (int j = 1; j < 5; j++) {
                x[i][j] = random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void learnsWhichInputSeparatesTheClasses() {
        boolean[] positive = new boolean[400];
        LogisticHead head = LogisticHead.fit(clouds(400, positive, 1), positive, 1.0);

        assertThat(head.probability(new double[]{2, 0, 0, 0, 0})).isGreaterThan(0.9);
        assertThat(head.probability(new double[]{-2, 0, 0, 0, 0})).isLessThan(0.1);
        assertThat(head.probability(new double[]{0, 3, -3, 3, -3})).isBetween(0.2, 0.8);
    }

    @Test
    void strongerPenaltyGivesMoreModestProbabilities() {
        boolean[] positive = new boolean[400];
        double[][] x = clouds(400, positive, 2);
        double weak = LogisticHead.fit(x, positive, 0.1).probability(new double[]{2, 0, 0, 0, 0});
        double strong = LogisticHead.fit(x, positive, 300).probability(new double[]{2, 0, 0, 0, 0});

        assertThat(strong).isLessThan(weak).isGreaterThan(0.5);
    }

    @Test
    void refusesAnInputOfTheWrongLength() {
        boolean[] positive = new boolean[40];
        LogisticHead head = LogisticHead.fit(clouds(40, positive, 3), positive, 1.0);

        assertThatThrownBy(() -> head.probability(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
