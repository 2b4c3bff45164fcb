package io.parley.moderation.engine;

import io.parley.moderation.engine.classify.Label;
import io.parley.moderation.engine.classify.LabeledComment;
import io.parley.moderation.engine.signal.Terms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fresh installation starts from: the team's own starter corpus (written for Parley, no copied
 * data set) and the default blocked and suspect term lists that the service seeds into its database.
 */
public final class StarterData {

    private StarterData() {
    }

    /** {@code label<TAB>author<TAB>body} lines; {@code #} starts a comment line. */
    public static List<LabeledComment> corpus() {
        List<LabeledComment> examples = new ArrayList<>();
        for (String line : lines("starter-corpus.tsv")) {
            String[] parts = line.split("\t", 3);
            if (parts.length != 3) {
                throw new IllegalStateException("starter corpus line without three fields: " + line);
            }
            examples.add(new LabeledComment(parts[2], parts[1], null, Label.valueOf(parts[0].toUpperCase())));
        }
        return examples;
    }

    public static List<String> blockedTerms() {
        return lines("blocked-terms.txt");
    }

    public static List<String> suspectTerms() {
        return lines("suspect-terms.txt");
    }

    public static Terms terms() {
        return new Terms(blockedTerms(), suspectTerms());
    }

    private static List<String> lines(String resource) {
        try (InputStream in = StarterData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
