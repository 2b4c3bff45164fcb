package io.parley.moderation.engine.signal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RelevanceTest {

    private static final String POST = "Browser fingerprinting: canvas, fonts and WebGL reveal enough to track you "
            + "without cookies. Tor Browser makes every user look the same.";
    private final Relevance relevance = new Relevance(List.of("a comment about music", "thanks for the post",
            "cheap jerseys for sale", "tor and privacy"));

    @Test
    void commentOnTheSubjectIsCloserThanAnUnrelatedOne() {
        double related = relevance.similarity("Does Tor Browser also hide my fonts from fingerprinting?", POST, null)
                .orElseThrow();
        double unrelated = relevance.similarity("Wholesale tractors shipped from Nebraska", POST, null).orElseThrow();
        assertThat(related).isGreaterThan(0.1);
        assertThat(unrelated).isZero();
    }

    @Test
    void aReplyIsJudgedAgainstItsParentToo() {
        double reply = relevance.similarity("Yes, the kitchen renovation took three months",
                POST, "How long did your kitchen renovation take?").orElseThrow();
        assertThat(reply).isGreaterThan(0.3);
    }

    @Test
    void unknownPostGivesNoScore() {
        assertThat(relevance.similarity("anything", null, null)).isEmpty();
    }
}
