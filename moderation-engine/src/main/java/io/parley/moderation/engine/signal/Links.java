package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links a comment carries: how many and to which hosts. Bare domains ({@code cheap-pills.biz})
 * count too, because link droppers write them without a scheme to slip past URL filters.
 *
 * @param count number of links
 * @param hosts distinct target hosts, lower case, without {@code www.}
 */
public record Links(int count, Set<String> hosts) {

    static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"')\\]]+"
                    + "|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
                    + "(?:com|net|org|info|biz|ru|cn|io|co|us|uk|de|xyz|top|ly|me|tk|online|site|club|shop|store)\\b(?:/[^\\s<>\"')\\]]*)?");

    public static final Links NONE = new Links(0, Set.of());

    public static Links in(String text) {
        if (text == null || !mayHaveLink(text)) {
            return NONE;
        }
        Matcher m = URL.matcher(text);
        int count = 0;
        Set<String> hosts = new LinkedHashSet<>();
        while (m.find()) {
            count++;
            String host = hostOf(m.group());
            if (host != null) {
                hosts.add(host);
            }
        }
        return count == 0 ? NONE : new Links(count, Set.copyOf(hosts));
    }

    /**
     * Whether the text has a {@code ://} or a dot followed by anything but white space, which every link
     * the pattern finds has (a scheme, {@code www.} and a character, or a dot before the top-level domain).
     * Most comments have neither: a dot ends a sentence. Searching them with the pattern, which tries
     * both alternatives at every word, was 5% of moderation's CPU in a backlog drain.
     */
    static boolean mayHaveLink(String text) {
        int last = text.length() - 1;
        for (int i = 0; i < last; i++) {
            char c = text.charAt(i);
            if (c == '.' && !Text.isSpace(text.charAt(i + 1)) || c == ':' && text.startsWith("//", i + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The host of a link or bare domain, lower case and without a leading {@code www.}; null if none. */
    public static String hostOf(String link) {
        String candidate = link.trim();
        if (!candidate.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*")) {
            candidate = "http://" + candidate;
        }
        try {
            String host = URI.create(candidate.replace(" ", "%20")).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every host together with its parent domains, so a rule on {@code example.com} also covers {@code a.example.com}. */
    public List<String> hostsAndParents() {
        List<String> all = new ArrayList<>();
        for (String host : hosts) {
            String h = host;
            while (h.indexOf('.') > 0) {
                all.add(h);
                h = h.substring(h.indexOf('.') + 1);
            }
        }
        return all;
    }
}
