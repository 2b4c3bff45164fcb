package io.parley.ingest.service;

import io.parley.events.PostUpdated;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PostDirectoryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    private final PostDirectory directory = new PostDirectory();

    @Test
    void anUnregisteredPostIsUnknown() {
        assertThat(directory.find("never-registered")).isEmpty();
    }

    @Test
    void theNewestUpdateDecidesWhetherAPostTakesComments() {
        directory.apply(post("release-notes", false, MONDAY.plusSeconds(60)));
        directory.apply(post("release-notes", true, MONDAY));

        assertThat(directory.find("release-notes")).get()
                .isEqualTo(new PostDirectory.PostStatus(false, MONDAY.plusSeconds(60)));
    }

    @Test
    void aLaterUpdateReopensComments() {
        directory.apply(post("release-notes", false, MONDAY));
        directory.apply(post("release-notes", true, MONDAY.plusSeconds(60)));

        assertThat(directory.find("release-notes")).get().extracting(PostDirectory.PostStatus::commentsOpen)
                .isEqualTo(true);
    }

    private static PostUpdated post(String id, boolean commentsOpen, Instant updatedAt) {
        return PostUpdated.of(id, "Release notes", null, "x".repeat(10_000), commentsOpen, updatedAt);
    }
}
