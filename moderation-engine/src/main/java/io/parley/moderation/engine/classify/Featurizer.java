package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.signal.AuthorSignal;
import io.parley.moderation.engine.signal.Links;
import io.parley.moderation.engine.signal.Terms;
import io.parley.moderation.engine.text.Text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a comment into the classifier's binary features: word 1–2-grams, character 3–5-grams within
 * and across word boundaries, author-name words, and the text signals (links and their hosts, suspect
 * terms, author heuristics) so the model learns how much each is worth. No length or count-of-words
 * feature: on blogs long comments are the thoughtful ones, the opposite of video comment sections.
 */
public final class Featurizer {

    /** Character n-grams are taken from at most this much text; enough to judge, bounded cost per comment. */
    static final int MAX_CHARS = 1_500;

    private final Terms terms;

    public Featurizer(Terms terms) {
        this.terms = terms;
    }

    public Evidence evidence(String body, String authorName, String authorUrl) {
        String text = Text.normalize(body);
        String name = Text.normalize(authorName);
        Terms.Matches matches = terms.match(text + " | " + name);
        return new Evidence(text, name, Links.in(text), matches, AuthorSignal.of(authorName, authorUrl));
    }

    public String[] features(Evidence e) {
        Set<String> f = new LinkedHashSet<>();
        List<String> words = Text.words(e.text());
        String previous = "<s>";
        for (String w : words) {
            String word = isNumber(w) ? "<num>" : w;
            f.add("w=" + word);
            f.add("b=" + previous + "_" + word);
            previous = word;
        }
        f.add("b=" + previous + "_</s>");
        String chars = " " + e.text().substring(0, Math.min(e.text().length(), MAX_CHARS)) + " ";
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= chars.length(); i++) {
                f.add(chars.substring(i, i + n));
            }
        }
        for (String w : Text.words(e.authorName())) {
            f.add("aw=" + w);
        }
        Links links = e.links();
        if (links.count() > 0) {
            f.add("link");
            if (links.count() > 1) {
                f.add("links>1");
            }
            for (String host : links.hostsAndParents()) {
                f.add("host=" + host);
            }
        }
        Terms.Matches matches = e.terms();
        for (String term : matches.suspect()) {
            f.add("suspect=" + term);
        }
        if (!matches.suspect().isEmpty()) {
            f.add("suspect");
        }
        AuthorSignal author = e.author();
        for (String rule : author.rules()) {
            f.add("author:" + rule);
        }
        if (author.hasUrl()) {
            f.add("author:has-url");
        }
        if (f.isEmpty()) {
            f.add("empty");
        }
        return f.toArray(String[]::new);
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
