package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimHashTest {

    private static long fp(String text) {
        return SimHash.of(Text.normalize(text)).orElseThrow();
    }

    @Test
    void rewordedCopyIsANearDuplicate() {
        long a = fp("Great post, thanks for sharing. Visit my site for cheap jerseys and free shipping today");
        long b = fp("Great post!! Thanks for sharing. visit my site for cheap jerseys and free shipping today.");
        assertThat(SimHash.distance(a, b)).isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_BITS);
    }

    @Test
    void differentTextsAreFarApart() {
        long a = fp("Great post, thanks for sharing. Visit my site for cheap jerseys and free shipping today");
        long b = fp("I disagree with the conclusion about fingerprinting, blocking trackers matters more to me");
        assertThat(SimHash.distance(a, b)).isGreaterThan(10);
    }

    @Test
    void shortStockPhrasesAreNotFingerprinted() {
        assertThat(SimHash.of("thanks, great post")).isEmpty();
    }
}
