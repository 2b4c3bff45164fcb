package io.parley.moderation.engine;

import io.parley.events.Outcome;

import java.util.List;
import java.util.Map;

/**
 * The engine's judgement of a comment, with everything needed to explain it later.
 *
 * @param scores       {@code spam} (after the rules' adjustments), {@code spamModel} (the classifier alone),
 *                     {@code offensive} and, when the post is registered, {@code offTopic}; all in [0, 1]
 * @param reasons      one sentence per piece of evidence, for moderators
 * @param rules        identifiers of the rules that fired, for audits and statistics
 * @param modelVersion version of the model set that scored the comment
 */
public record Assessment(Outcome outcome, Map<String, Double> scores, List<String> reasons, List<String> rules,
                         int modelVersion) {

    public double score(String name) {
        return scores.getOrDefault(name, 0.0);
    }
}
