package io.parley.moderation.engine.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void htmlEntitiesTagsAndByteOrderMarksDoNotChangeTheText() {
        assertThat(Text.normalize("It&#39;s <b>GREAT</b>&amp; fun<br />\uFEFF")).isEqualTo("it's great & fun");
    }

    @Test
    void linkTargetsSurviveTagRemoval() {
        assertThat(Text.normalize("<a href=\"http://x.example/a\">here</a>")).contains("http://x.example/a");
    }

    @Test
    void whitespaceRunsBecomeOneSpaceAndNoneIsLeftAtTheEnds() {
        assertThat(Text.normalize(" \t Hello,\r\n\n  world \u000B\f")).isEqualTo("hello, world");
        assertThat(Text.normalize("already plain text")).isEqualTo("already plain text");
        assertThat(Text.normalize("\u0001 control characters at the ends \u0002")).isEqualTo("control characters at the ends");
    }

    /** The same as replacing every {@code \\s+} with a space and trimming, on text mixing every kind of space. */
    @Test
    void whitespaceIsCollapsedAsTheRegularExpressionDid() {
        String pieces = " \t\n\u000B\f\r\u0001\u00A0x";
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            String expected = Pattern.compile("\\s+").matcher(text.toString().toLowerCase()).replaceAll(" ").trim();
            assertThat(Text.normalize(text.toString())).as("%s", text).isEqualTo(expected);
        }
    }

    /** Tags are dropped exactly as {@code <[^>]{0,200}>} replaced by a space did, over text mixing tags, long runs and stray brackets. */
    @Test
    void tagsAreDroppedAsTheRegularExpressionDid() {
        Pattern tag = Pattern.compile("<[^>]{0,200}>");
        String[] pieces = {"<", ">", "<p>", "</p>", "<br />", "<a href='x'>", "a", " ", "\n", "x".repeat(90), "é"};
        Random random = new Random(11);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String raw = text.toString();
            assertThat(Text.dropTags(raw)).as("%s", raw).isEqualTo(tag.matcher(raw).replaceAll(" "));
        }
        for (int length = 198; length <= 202; length++) {
            String raw = "a<" + "x".repeat(length) + ">b";
            assertThat(Text.dropTags(raw)).as("%d", length).isEqualTo(tag.matcher(raw).replaceAll(" "));
        }
    }

    /** The link-target expression is skipped only for text in which it cannot match. */
    @Test
    void textWithoutAnAnchorTagIsOneTheLinkExpressionCannotMatch() {
        Pattern href = Pattern.compile("(?i)<a\\s[^>]*href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>");
        String[] pieces = {"<", "a", "A", " ", "\t", "\n", "href", "=", "\"", "'", "x", ">", "<p>", "<abbr>", "<A\nhref=\"y\">"};
        Random random = new Random(13);
        int anchors = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String raw = text.toString();
            boolean matches = href.matcher(raw).find();
            if (matches) {
                anchors++;
                assertThat(Text.hasAnchorTag(raw)).as("%s", raw).isTrue();
            }
        }
        assertThat(anchors).isGreaterThan(100);
        assertThat(Text.hasAnchorTag("<p>a paragraph</p><abbr>x</abbr>")).isFalse();
        assertThat(Text.normalize("<P>See <A\nHREF='http://x.example/a'>this</A></P>")).isEqualTo("see http://x.example/a this");
    }

    @Test
    void wordsKeepApostrophesAndDropPunctuation() {
        assertThat(Text.words("don't panic, it's fine!")).containsExactly("don't", "panic", "it's", "fine");
    }

    @Test
    void wordsAreTheRunsOfLettersAndNumbersThatUnicodeDefines() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x11000; c += 7) {
            if (Character.isValidCodePoint(c) && !Character.isSurrogate((char) c)) {
                all.appendCodePoint(c);
            }
            all.append(c % 3 == 0 ? " " : c % 3 == 1 ? "'" : "-");
        }
        List<String> expected = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*").matcher(all);
        while (m.find()) {
            expected.add(m.group());
        }
        assertThat(Text.words(all.toString())).isEqualTo(expected);
    }
}
