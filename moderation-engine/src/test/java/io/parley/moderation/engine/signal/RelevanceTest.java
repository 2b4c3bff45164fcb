package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RelevanceTest {

    private static final List<String> BACKGROUND = List.of("a comment about music", "thanks for the post",
            "cheap jerseys for sale", "tor and privacy");
    private static final String POST = "Browser fingerprinting: canvas, fonts and WebGL reveal enough to track you "
            + "without cookies. Tor Browser makes every user look the same.";
    private final Relevance relevance = new Relevance(BACKGROUND);
    private final Relevance.Document post = relevance.document(POST);

    @Test
    void commentOnTheSubjectIsCloserThanAnUnrelatedOne() {
        double related = similarity("Does Tor Browser also hide my fonts from fingerprinting?", post, null)
                .orElseThrow();
        double unrelated = similarity("Wholesale tractors shipped from Nebraska", post, null).orElseThrow();
        assertThat(related).isGreaterThan(0.1);
        assertThat(unrelated).isZero();
    }

    @Test
    void aReplyIsJudgedAgainstItsParentToo() {
        double reply = similarity("Yes, the kitchen renovation took three months",
                post, "How long did your kitchen renovation take?").orElseThrow();
        assertThat(reply).isGreaterThan(0.3);
    }

    @Test
    void unknownPostGivesNoScore() {
        assertThat(similarity("anything", null, null)).isEmpty();
    }

    @Test
    void aPostWithoutContentWordsGivesNoScore() {
        assertThat(similarity("Fonts and canvas again", relevance.document("It is what it is."), null)).isEmpty();
    }

    @Test
    void aDocumentKeepsOneEntryPerDistinctTerm() {
        assertThat(relevance.document("Trackers, trackers and more tracker scripts").size())
                .isEqualTo(3); // tracker, more, script
    }

    @Test
    void similarityIsTheCosineOfTheTextsTfIdfWeights() {
        List<String> comments = List.of("Does Tor Browser also hide my fonts from fingerprinting?",
                "Canvas and WebGL, canvas and WebGL: the same user, every user, looks the same",
                "<p>Tracking <b>without cookies</b> &amp; fonts</p>", "Cheap jerseys for sale, music too");
        for (String comment : comments) {
            assertThat(similarity(comment, post, null).orElseThrow())
                    .isCloseTo(cosine(weights(comment), weights(POST)), within(1e-12));
        }
    }

    private OptionalDouble similarity(String comment, Relevance.Document post, String parentText) {
        return relevance.similarity(relevance.document(comment), post, parentText);
    }

    /** The weights as the definition gives them, term by term in a map: (1 + ln tf) · ln((N + 1) / (df + 1)) + 1. */
    private static Map<String, Double> weights(String text) {
        Map<String, Integer> df = new HashMap<>();
        for (String doc : BACKGROUND) {
            for (String term : new HashSet<>(terms(doc))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Double> weights = new HashMap<>();
        for (String term : terms(text)) {
            weights.merge(term, 1.0, Double::sum);
        }
        weights.replaceAll((term, tf) -> (1 + Math.log(tf))
                * Math.log((BACKGROUND.size() + 1.0) / (df.getOrDefault(term, 0) + 1.0)) + 1);
        return weights;
    }

    private static List<String> terms(String text) {
        return Text.words(Text.normalize(text)).stream()
                .filter(w -> w.length() > 1 && !Relevance.STOP_WORDS.contains(w))
                .map(Relevance::stem).toList();
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        return dot / (Math.sqrt(a.values().stream().mapToDouble(x -> x * x).sum())
                * Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum()));
    }
}
