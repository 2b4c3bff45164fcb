package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the author fields give away. Blog spam often carries its payload there rather than in the
 * body: names that are URLs ({@code cheapjerseys.example}) and keyword-stuffed names
 * ({@code Cheap NFL Jerseys Wholesale}) instead of a person's name or handle.
 *
 * @param nameIsUrl      the name is or contains a link or a domain
 * @param keywordStuffed the name is made of commercial keywords
 * @param commercialUrl  the author url's host is made of commercial keywords
 * @param hasUrl         the author gave a website
 */
public record AuthorSignal(boolean nameIsUrl, boolean keywordStuffed, boolean commercialUrl, boolean hasUrl) {

    /** Words that appear in spam author names and domains and hardly ever in a person's name. */
    static final Set<String> COMMERCIAL = Set.of("cheap", "buy", "best", "online", "free", "loan", "loans", "payday",
            "casino", "poker", "jersey", "jerseys", "wholesale", "discount", "discounts", "sale", "sales", "seo",
            "viagra", "cialis", "pills", "pharmacy", "dating", "hookup", "singles", "replica", "outlet", "shop",
            "store", "insurance", "deals", "price", "prices", "cash", "credit", "mortgage", "forex", "crypto",
            "bitcoin", "marketing", "backlinks", "followers", "essay", "essays", "writing", "escort", "escorts",
            "nfl", "nba", "nike", "handbags", "louboutin", "mlm", "rolex", "watches", "weight", "diet", "slots",
            "bet", "betting", "agency", "services", "service", "repair", "lawyer", "attorney");

    public static AuthorSignal of(String name, String url) {
        String normalizedName = Text.normalize(name);
        boolean nameIsUrl = Links.in(normalizedName).count() > 0;
        List<String> nameWords = Text.words(normalizedName);
        int commercialWords = countCommercial(nameWords);
        boolean stuffed = commercialWords >= 2 || (commercialWords == 1 && nameWords.size() >= 3);
        boolean hasUrl = url != null && !url.isBlank();
        boolean commercialUrl = false;
        if (hasUrl) {
            String host = Links.hostOf(url);
            if (host != null) {
                commercialUrl = countCommercial(splitHost(host)) >= 1;
            }
        }
        return new AuthorSignal(nameIsUrl, stuffed, commercialUrl, hasUrl);
    }

    private static int countCommercial(List<String> words) {
        int n = 0;
        for (String w : words) {
            if (COMMERCIAL.contains(w)) {
                n++;
            }
        }
        return n;
    }

    /** Host labels split on dots and hyphens, and run-together words found by their commercial parts. */
    static List<String> splitHost(String host) {
        List<String> parts = new ArrayList<>();
        for (String label : host.split("[.-]")) {
            parts.add(label);
            for (String word : COMMERCIAL) {
                if (word.length() >= 4 && label.length() > word.length() && label.contains(word)) {
                    parts.add(word);
                }
            }
        }
        return parts;
    }

    public List<String> rules() {
        List<String> rules = new ArrayList<>();
        if (nameIsUrl) {
            rules.add("author-name-is-url");
        }
        if (keywordStuffed) {
            rules.add("author-name-keywords");
        }
        if (commercialUrl) {
            rules.add("author-url-commercial");
        }
        return rules;
    }
}
