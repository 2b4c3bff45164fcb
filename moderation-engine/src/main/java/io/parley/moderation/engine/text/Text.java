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
    /** The longest tag {@link #dropTags} removes: a {@code <} with no {@code >} this soon after it is text. */
    private static final int MAX_TAG = 200;
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    private Text() {
    }

    /** HTML unescaped, tags dropped (link targets kept), byte-order marks removed, lower case, single spaces. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.replace("\uFEFF", "");
        // Most comments have no markup: every comment is normalized several times, and three regular
        // expression passes over each were an eighth of what moderation allocated.
        if (s.indexOf('<') >= 0) {
            if (hasAnchorTag(s)) {
                s = HREF.matcher(s).replaceAll(" $1 ");
            }
            s = dropTags(s);
        }
        s = unescape(s);
        return collapseSpaces(s.toLowerCase(Locale.ROOT)).trim();
    }

    /**
     * Whether {@link #HREF} can match at all: a {@code <a} followed by white space. Posts are HTML with
     * hardly a link; the expression tried at every position of an 8 KB post cost more than its words.
     */
    static boolean hasAnchorTag(String s) {
        for (int i = s.indexOf('<'); i >= 0 && i + 2 < s.length(); i = s.indexOf('<', i + 1)) {
            char a = s.charAt(i + 1);
            if ((a == 'a' || a == 'A') && isSpace(s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each {@code <} followed within {@link #MAX_TAG} characters by a {@code >}, and everything between
     * them, replaced by a space: what {@code <[^>]{0,200}>} replaced, in one pass without a regular
     * expression.
     */
    static String dropTags(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int open = s.indexOf('<'); open >= 0; ) {
            int close = s.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            if (close - open - 1 > MAX_TAG) {
                open = s.indexOf('<', open + 1);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, open).append(' ');
            copied = close + 1;
            open = s.indexOf('<', copied);
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** Each run of whitespace ({@code \s}: space, tab, line breaks) as one space, none at either end. */
    private static String collapseSpaces(String s) {
        if (!needsCollapsing(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                inSpace = true;
                continue;
            }
            if (inSpace && !out.isEmpty()) {
                out.append(' ');
            }
            inSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    private static boolean needsCollapsing(String s) {
        int last = s.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? i == 0 || i == last || s.charAt(i - 1) == ' ' : isSpace(c)) {
                return true;
            }
        }
        return false;
    }

    /** White space as {@code \s} means in a regular expression: space, tab, line breaks, vertical tab, form feed. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * The words of an already normalized text, apostrophes and hyphens kept inside words: runs that
     * start with a letter or number and go on with letters, numbers, {@code ' ’ _ -}. A hand-written
     * scanner rather than a regular expression because every comment goes through it several times.
     */
    public static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        int n = normalized.length();
        int i = 0;
        while (i < n) {
            int c = normalized.codePointAt(i);
            if (!isLetterOrNumber(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            i += Character.charCount(c);
            while (i < n) {
                c = normalized.codePointAt(i);
                if (!isLetterOrNumber(c) && c != '\'' && c != '’' && c != '_' && c != '-') {
                    break;
                }
                i += Character.charCount(c);
            }
            words.add(normalized.substring(start, i));
        }
        return words;
    }

    /** Unicode categories L and N, as {@code \p{L}} and {@code \p{N}} define them. */
    static boolean isLetterOrNumber(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
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
