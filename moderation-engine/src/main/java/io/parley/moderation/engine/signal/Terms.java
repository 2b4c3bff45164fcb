package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moderators' term lists. A <em>blocked</em> term decides on its own (the comment is spam); a
 * <em>suspect</em> term only adds evidence. Terms are words or phrases matched on whole words of the
 * normalized text, so {@code loan} does not match {@code sloane}.
 */
public final class Terms {

    private final List<String> blocked;
    private final List<String> suspect;

    public Terms(Collection<String> blocked, Collection<String> suspect) {
        this.blocked = normalizeAll(blocked);
        this.suspect = normalizeAll(suspect);
    }

    public static Terms none() {
        return new Terms(List.of(), List.of());
    }

    public Matches match(String normalizedText) {
        String padded = " " + String.join(" ", Text.words(normalizedText)) + " ";
        return new Matches(find(blocked, padded), find(suspect, padded));
    }

    private static List<String> find(List<String> terms, String padded) {
        List<String> found = new ArrayList<>();
        for (String term : terms) {
            if (padded.contains(" " + term + " ")) {
                found.add(term);
            }
        }
        return found;
    }

    private static List<String> normalizeAll(Collection<String> terms) {
        Set<String> normalized = terms.stream()
                .map(t -> String.join(" ", Text.words(Text.normalize(t))))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return List.copyOf(normalized);
    }

    /** The blocked and suspect terms found in one text. */
    public record Matches(List<String> blocked, List<String> suspect) {
        public static final Matches NONE = new Matches(List.of(), List.of());
    }
}
