package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * TF-IDF cosine similarity between a comment and the post it was left on (and, for a reply, the
 * comment it answers; the better of the two counts). It flags short replies and comments in another
 * language as unrelated too, so it is evidence to combine, never a verdict on its own.
 */
public final class Relevance {

    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "but", "of", "to", "in",
            "on", "for", "with", "at", "by", "from", "is", "are", "was", "were", "be", "been", "it", "its", "this",
            "that", "these", "those", "i", "you", "he", "she", "we", "they", "me", "my", "your", "our", "their",
            "as", "so", "if", "not", "no", "do", "does", "did", "have", "has", "had", "will", "would", "can",
            "could", "just", "what", "which", "who", "how", "all", "there", "about", "than", "then", "also", "very");

    private final Map<String, Integer> documentFrequency;
    private final int documents;

    /** Document frequencies from a background corpus, so common words weigh less than topical ones. */
    public Relevance(List<String> backgroundDocuments) {
        Map<String, Integer> df = new HashMap<>();
        for (String doc : backgroundDocuments) {
            for (String term : new HashSet<>(terms(Text.normalize(doc)))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        this.documentFrequency = df;
        this.documents = backgroundDocuments.size();
    }

    /** Best cosine against the post text and the parent's text; empty when neither is known or the comment has no content words. */
    public OptionalDouble similarity(String comment, String postText, String parentText) {
        Map<String, Double> c = vector(comment);
        if (c.isEmpty()) {
            return OptionalDouble.empty();
        }
        double best = -1;
        for (String other : new String[]{postText, parentText}) {
            if (other != null && !other.isBlank()) {
                best = Math.max(best, cosine(c, vector(other)));
            }
        }
        return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    private Map<String, Double> vector(String raw) {
        Map<String, Double> tf = new HashMap<>();
        for (String term : terms(Text.normalize(raw))) {
            tf.merge(term, 1.0, Double::sum);
        }
        tf.replaceAll((term, count) -> (1 + Math.log(count))
                * Math.log((documents + 1.0) / (documentFrequency.getOrDefault(term, 0) + 1.0)) + 1);
        return tf;
    }

    private static List<String> terms(String normalized) {
        return Text.words(normalized).stream()
                .filter(w -> w.length() > 1 && !STOP_WORDS.contains(w))
                .map(Relevance::stem)
                .toList();
    }

    /** A light plural/suffix fold so "trackers" meets "tracker"; enough for cosine, no dictionary needed. */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot == 0 ? 0 : dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
