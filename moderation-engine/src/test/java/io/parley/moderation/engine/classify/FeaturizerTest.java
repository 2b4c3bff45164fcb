package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.signal.Terms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturizerTest {

    private final Featurizer featurizer = new Featurizer(new Terms(List.of(), List.of("check out my")));

    @Test
    void wordCharacterAndSignalFeaturesAreProduced() {
        String[] f = featurizer.features(featurizer.evidence("Check out my site http://a.example", "Cheap Jerseys Shop",
                null));
        assertThat(f).contains("w=check", "b=check_out", "che", "link", "host=a.example", "suspect=check out my",
                "suspect", "aw=jerseys", "author:author-name-keywords");
    }

    @Test
    void numbersAreFoldedAndNoLengthFeatureExists() {
        String[] f = featurizer.features(featurizer.evidence("call 5550100", "a", null));
        assertThat(f).contains("w=<num>").noneMatch(s -> s.startsWith("len"));
    }
}
