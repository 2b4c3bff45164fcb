package io.parley.moderation.engine.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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
