package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.signal.AuthorSignal;
import io.parley.moderation.engine.signal.Links;
import io.parley.moderation.engine.signal.Terms;
import io.parley.moderation.engine.text.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a comment into the classifier's binary features: word 1–2-grams, character 3–5-grams within
 * and across word boundaries, author-name words, and the text signals (links and their hosts, suspect
 * terms, author heuristics) so the model learns how much each is worth. No length or count-of-words
 * feature: on blogs long comments are the thoughtful ones, the opposite of video comment sections.
 */
public final class Featurizer {

    /** Character n-grams are taken from at most this much text; enough to judge, bounded cost per comment. */
    static final int MAX_CHARS = 1_500;
    static final String BIAS = "bias";

    private final Terms terms;
    private final ThreadLocal<FeatureSet> scratch = ThreadLocal.withInitial(() -> new FeatureSet(0));

    public Featurizer(Terms terms) {
        this.terms = terms;
    }

    public Evidence evidence(String body, String authorName, String authorUrl) {
        String text = Text.normalize(body);
        String name = Text.normalize(authorName);
        List<String> words = Text.words(text);
        List<String> nameWords = Text.words(name);
        List<String> textThenName = new ArrayList<>(words.size() + nameWords.size());
        textThenName.addAll(words);
        textThenName.addAll(nameWords);
        return new Evidence(text, words, name, Links.in(text), terms.match(textThenName),
                AuthorSignal.of(authorName, authorUrl));
    }

    public String[] features(Evidence e) {
        Set<String> f = new LinkedHashSet<>();
        List<String> words = e.words();
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
        signalFeatures(e, f::add);
        return f.toArray(String[]::new);
    }

    /**
     * The hashes of exactly the features {@link #features} names, computed from the text without
     * building the word and character n-gram strings: what scoring uses, where speed matters. They go
     * into this thread's own set, emptied first, so the result is valid until the thread's next call:
     * scoring reads it and lets go, and a new set of 16-20 KB per comment was a quarter of what
     * moderation allocated.
     */
    public FeatureSet featureSet(Evidence e) {
        String text = e.text();
        List<String> words = e.words();
        int length = Math.min(text.length(), MAX_CHARS);
        FeatureSet f = scratch.get();
        f.clear(3 * (length + 2) + 2 * words.size() + 16);
        char[] chars = new char[length + 2];
        chars[0] = ' ';
        text.getChars(0, length, chars, 1);
        chars[length + 1] = ' ';
        long wordPrefix = FeatureHash.add(FeatureHash.START, "w=");
        long bigramPrefix = FeatureHash.add(FeatureHash.START, "b=");
        String previous = "<s>";
        for (String w : words) {
            String word = isNumber(w) ? "<num>" : w;
            f.add(FeatureHash.finish(FeatureHash.add(wordPrefix, word)));
            f.add(FeatureHash.finish(FeatureHash.add(FeatureHash.add(
                    FeatureHash.add(bigramPrefix, previous), '_'), word)));
            previous = word;
        }
        f.add(FeatureHash.finish(FeatureHash.add(FeatureHash.add(bigramPrefix, previous), "_</s>")));
        // The 3-, 4- and 5-gram at each position extend one running hash.
        for (int i = 0; i + 3 <= chars.length; i++) {
            long h = FeatureHash.add(FeatureHash.add(FeatureHash.add(FeatureHash.START, chars[i]), chars[i + 1]),
                    chars[i + 2]);
            f.add(FeatureHash.finish(h));
            for (int end = i + 3; end < Math.min(i + 5, chars.length); end++) {
                h = FeatureHash.add(h, chars[end]);
                f.add(FeatureHash.finish(h));
            }
        }
        signalFeatures(e, feature -> f.add(FeatureHash.of(feature)));
        return f;
    }

    /**
     * The constant feature, author-name words and the text signals: few per comment, named the same on
     * both paths.
     */
    private static void signalFeatures(Evidence e, Consumer<String> f) {
        // OpenNLP's maximum-entropy models have no intercept: without a feature every comment has, text
        // made only of unseen words scores 0.5, whatever the classes' frequencies.
        f.accept(BIAS);
        for (String w : Text.words(e.authorName())) {
            f.accept("aw=" + w);
        }
        Links links = e.links();
        if (links.count() > 0) {
            f.accept("link");
            if (links.count() > 1) {
                f.accept("links>1");
            }
            for (String host : links.hostsAndParents()) {
                f.accept("host=" + host);
            }
        }
        Terms.Matches matches = e.terms();
        for (String term : matches.suspect()) {
            f.accept("suspect=" + term);
        }
        if (!matches.suspect().isEmpty()) {
            f.accept("suspect");
        }
        AuthorSignal author = e.author();
        for (String rule : author.rules()) {
            f.accept("author:" + rule);
        }
        if (author.hasUrl()) {
            f.accept("author:has-url");
        }
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
