package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimHashTest {

    private static long fp(String text) {
        return SimHash.of(Text.words(Text.normalize(text))).orElseThrow();
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

    /** Fingerprints are stored and compared with new ones, so the function must never change. */
    @Test
    void fingerprintsAreTheSameAsTheStoredOnes() {
        assertThat(fp("Check out my channel for free gift cards, subscribe and share with your friends today"))
                .isEqualTo(0xfcf6511d9b0d4cc3L);
        // Over 255 shingles: the counts are carried over from the packed counters more than once.
        assertThat(fp("word ".repeat(400) + "ending differently here")).isEqualTo(0xa5bc0f1d750efa06L);
    }

    @Test
    void shortStockPhrasesAreNotFingerprinted() {
        assertThat(SimHash.of(Text.words("thanks, great post"))).isEmpty();
    }
}
