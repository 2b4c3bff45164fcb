package io.parley.moderation.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw comment text (Markdown, or HTML as some sources deliver it) into the plain, lower-case
 * form every signal and feature reads, so that {@code &#39;}, {@code <br />} or a trailing byte-order
 * mark never change what a comment means.
 */
public final class Text {

    private static final Pattern HREF = Pattern.compile("(?i)<a\\s[^>]*href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,200}>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*");

    private Text() {
    }

    /** HTML unescaped, tags dropped (link targets kept), byte-order marks removed, lower case, single spaces. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.replace("\uFEFF", "");
        s = HREF.matcher(s).replaceAll(" $1 ");
        s = TAG.matcher(s).replaceAll(" ");
        s = unescape(s);
        return SPACE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The words of an already normalized text, apostrophes and hyphens kept inside words. */
    public static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalized);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = NUMERIC_ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code;
            try {
                code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            } catch (NumberFormatException e) {
                code = ' ';
            }
            String replacement = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : " ";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
