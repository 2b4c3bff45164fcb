package io.parley.moderation.engine.text;

import org.junit.jupiter.api.Test;

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
}
