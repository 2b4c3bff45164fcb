package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryCampaignRegistryTest {

    private final InMemoryCampaignRegistry registry = new InMemoryCampaignRegistry();
    private final long fingerprint = SimHash.of(Text.words(Text.normalize(
            "Hello friends, I earn money from home every day, the details are on my profile"))).orElseThrow();

    @Test
    void copiesOnSeveralPostsBecomeOneCampaign() {
        Campaign first = registry.record(fingerprint, "post-a", "c1");
        registry.record(fingerprint ^ 1L, "post-b", "c2");
        Campaign third = registry.record(fingerprint ^ 3L, "post-c", "c3");
        assertThat(first.isCampaign()).isFalse();
        assertThat(third.id()).isEqualTo(first.id());
        assertThat(third.comments()).isEqualTo(3);
        assertThat(third.isCampaign()).isTrue();
    }

    @Test
    void copiesOnOnePostAreNotACampaign() {
        registry.record(fingerprint, "post-a", "c1");
        registry.record(fingerprint, "post-a", "c2");
        assertThat(registry.record(fingerprint, "post-a", "c3").isCampaign()).isFalse();
    }

    @Test
    void recordingTheSameCommentTwiceCountsItOnce() {
        registry.record(fingerprint, "post-a", "c1");
        assertThat(registry.record(fingerprint, "post-a", "c1").comments()).isEqualTo(1);
    }
}
