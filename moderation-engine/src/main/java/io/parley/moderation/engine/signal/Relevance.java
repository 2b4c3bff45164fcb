package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.classify.FeatureHash;
import io.parley.moderation.engine.text.Text;

import java.util.Arrays;
import java.util.Comparator;
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

    static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "but", "of", "to", "in",
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
            for (String term : new HashSet<>(terms(Text.words(Text.normalize(doc))))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        this.documentFrequency = df;
        this.documents = backgroundDocuments.size();
    }

    /**
     * Best cosine against the post and the parent's text; empty when neither is known or has content
     * words, or the comment has none.
     *
     * @param comment the comment's text, prepared by {@link #document} or {@link #documentOfWords}
     * @param post    the post's text as {@link #document} prepared it, or null when the post is not registered
     */
    public OptionalDouble similarity(Document comment, Document post, String parentText) {
        if (comment.isEmpty()) {
            return OptionalDouble.empty();
        }
        double best = -1;
        if (post != null && !post.isEmpty()) {
            best = comment.cosine(post);
        }
        Document parent = document(parentText);
        if (!parent.isEmpty()) {
            best = Math.max(best, comment.cosine(parent));
        }
        return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    /** A text's TF-IDF weights, to compare with comments; empty for a null or blank text. */
    public Document document(String raw) {
        return raw == null || raw.isBlank() ? Document.EMPTY : documentOfWords(Text.words(Text.normalize(raw)));
    }

    /**
     * The same for the {@link Text#words} of a normalized text, as the engine's evidence holds the
     * comment: normalizing and splitting it again would be work done twice on every comment.
     */
    public Document documentOfWords(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String term : terms(words)) {
            counts.merge(term, 1, Integer::sum);
        }
        long[] hashes = new long[counts.size()];
        double[] weights = new double[counts.size()];
        int i = 0;
        for (Map.Entry<String, Integer> term : counts.entrySet()) {
            hashes[i] = FeatureHash.of(term.getKey());
            weights[i] = (1 + Math.log(term.getValue()))
                    * Math.log((documents + 1.0) / (documentFrequency.getOrDefault(term.getKey(), 0) + 1.0)) + 1;
            i++;
        }
        return new Document(hashes, weights);
    }

    /**
     * A text ready for comparison: its distinct terms, as 64-bit hashes in ascending order, with their
     * TF-IDF weights. A post's is prepared once and compared with every comment left on it; at 16 bytes a
     * term, it holds none of the text.
     */
    public static final class Document {

        static final Document EMPTY = new Document(new long[0], new double[0]);

        private final long[] terms;
        private final double[] weights;
        private final double norm;

        private Document(long[] unsortedTerms, double[] unsortedWeights) {
            Integer[] order = new Integer[unsortedTerms.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> unsortedTerms[i]));
            terms = new long[order.length];
            weights = new double[order.length];
            double squares = 0;
            for (int k = 0; k < order.length; k++) {
                terms[k] = unsortedTerms[order[k]];
                weights[k] = unsortedWeights[order[k]];
                squares += weights[k] * weights[k];
            }
            norm = Math.sqrt(squares);
        }

        public boolean isEmpty() {
            return terms.length == 0;
        }

        /** How many distinct terms the text has: what keeping this document costs, 16 bytes each. */
        public int size() {
            return terms.length;
        }

        /** Cosine of the two weight vectors: a merge of the two ascending term lists. */
        double cosine(Document other) {
            double dot = 0;
            int i = 0;
            int j = 0;
            while (i < terms.length && j < other.terms.length) {
                int order = Long.compare(terms[i], other.terms[j]);
                if (order == 0) {
                    dot += weights[i++] * other.weights[j++];
                } else if (order < 0) {
                    i++;
                } else {
                    j++;
                }
            }
            return dot == 0 ? 0 : dot / (norm * other.norm);
        }
    }

    private static List<String> terms(List<String> words) {
        return words.stream()
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
}
