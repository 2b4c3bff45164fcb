package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Moderators' term lists. A <em>blocked</em> term decides on its own (the comment is spam); a
 * <em>suspect</em> term only adds evidence. Terms are words or phrases matched on whole words of the
 * normalized text, so {@code loan} does not match {@code sloane}.
 */
public final class Terms {

    private final WordIndex blocked;
    private final WordIndex suspect;

    public Terms(Collection<String> blocked, Collection<String> suspect) {
        this.blocked = new WordIndex(blocked);
        this.suspect = new WordIndex(suspect);
    }

    public static Terms none() {
        return new Terms(List.of(), List.of());
    }

    /** The blocked and suspect terms among the {@link Text#words} of a normalized text, phrases included. */
    public Matches match(List<String> words) {
        return new Matches(blocked.find(words), suspect.find(words));
    }

    /**
     * One list's terms, each filed under its first word, so a text is matched in one pass over its words
     * however long the list: testing every term against every comment was a tenth of moderation's time.
     */
    private static final class WordIndex {

        /** The normalized terms, sorted: matches are reported in this order. */
        private final List<String> terms = new ArrayList<>();
        /** First word → the terms starting with it, as their position in {@link #terms} and their words. */
        private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();

        private record Phrase(int term, List<String> words) {
        }

        WordIndex(Collection<String> raw) {
            TreeSet<String> normalized = new TreeSet<>();
            for (String term : raw) {
                String words = String.join(" ", Text.words(Text.normalize(term)));
                if (!words.isEmpty()) {
                    normalized.add(words);
                }
            }
            for (String term : normalized) {
                List<String> words = List.of(term.split(" "));
                byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Phrase(terms.size(), words));
                terms.add(term);
            }
        }

        List<String> find(List<String> words) {
            boolean[] found = null;
            for (int i = 0; i < words.size(); i++) {
                List<Phrase> phrases = byFirstWord.get(words.get(i));
                if (phrases == null) {
                    continue;
                }
                for (Phrase phrase : phrases) {
                    if (startsAt(words, i, phrase.words())) {
                        found = found == null ? new boolean[terms.size()] : found;
                        found[phrase.term()] = true;
                    }
                }
            }
            if (found == null) {
                return List.of();
            }
            List<String> matched = new ArrayList<>();
            for (int t = 0; t < found.length; t++) {
                if (found[t]) {
                    matched.add(terms.get(t));
                }
            }
            return matched;
        }

        private static boolean startsAt(List<String> words, int start, List<String> phrase) {
            if (start + phrase.size() > words.size()) {
                return false;
            }
            for (int k = 1; k < phrase.size(); k++) {
                if (!words.get(start + k).equals(phrase.get(k))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The blocked and suspect terms found in one text. */
    public record Matches(List<String> blocked, List<String> suspect) {
        public static final Matches NONE = new Matches(List.of(), List.of());
    }
}
