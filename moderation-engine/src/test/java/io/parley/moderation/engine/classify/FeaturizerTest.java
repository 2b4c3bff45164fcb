package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.signal.Terms;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

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

    @Test
    void hashedFeaturesAreExactlyTheHashesOfTheNamedFeatures() {
        List<String[]> comments = new java.util.ArrayList<>();
        for (LabeledComment c : StarterData.corpus()) {
            comments.add(new String[]{c.body(), c.authorName(), c.authorUrl()});
        }
        comments.add(new String[]{"", null, null});
        comments.add(new String[]{"1 22 333 the the the thé 😀 ½ x", "Cheap NFL Jerseys", "http://cheap-jerseys.example"});
        comments.add(new String[]{"w=ab b=x_y check out my http://a.example/x " + "long ".repeat(400), "a.example", null});
        for (String[] c : comments) {
            Evidence e = featurizer.evidence(c[0], c[1], c[2]);
            String[] named = featurizer.features(e);
            FeatureSet hashed = featurizer.featureSet(e);
            Set<Long> expected = new HashSet<>();
            for (String f : named) {
                expected.add(FeatureHash.of(f));
            }
            Set<Long> actual = new HashSet<>();
            for (int i = 0; i < hashed.size(); i++) {
                actual.add(hashed.hashes()[i]);
            }
            assertThat(actual).as(c[0]).isEqualTo(expected);
            assertThat(hashed.size()).isEqualTo(named.length);
        }
    }

    @Test
    void aReusedFeatureSetHoldsExactlyEachCommentsOwnFeatures() {
        // Long, short, empty and long again: the table grows once and must come back empty each time.
        List<String> bodies = List.of("long words and more words ".repeat(80), "short one", "",
                "a medium comment about bridges and snowflake proxies", "another long text ".repeat(120), "x");
        for (String body : bodies) {
            Evidence e = featurizer.evidence(body, "Reader", null);
            List<Long> named = new java.util.ArrayList<>();
            for (String feature : featurizer.features(e)) {
                named.add(FeatureHash.of(feature));
            }
            assertThat(hashes(featurizer.featureSet(e))).as(body).containsExactlyInAnyOrderElementsOf(named);
        }
    }

    @Test
    void termsAreFoundInTheAuthorNameAsInTheBody() {
        assertThat(featurizer.evidence("nice post", "Check out my shop", null).terms().suspect())
                .containsExactly("check out my");
        assertThat(featurizer.evidence("check out my site", "Reader", null).terms().suspect())
                .containsExactly("check out my");
        assertThat(featurizer.evidence("nice post", "Reader", null).terms().suspect()).isEmpty();
    }

    private static List<Long> hashes(FeatureSet set) {
        List<Long> hashes = new java.util.ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            hashes.add(set.hashes()[i]);
        }
        return hashes;
    }
}
