package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TermsTest {

    private final Terms terms = new Terms(List.of("Payday Loans"), List.of("loan", "check out my"));

    @Test
    void findsBlockedAndSuspectPhrasesOnWholeWords() {
        Terms.Matches m = terms.match(Text.words("get payday loans now, check out my site"));
        assertThat(m.blocked()).containsExactly("payday loans");
        assertThat(m.suspect()).containsExactly("check out my");
    }

    @Test
    void doesNotMatchInsideOtherWords() {
        assertThat(terms.match(Text.words("sloane is a name, loaned is a word"))).isEqualTo(new Terms.Matches(List.of(), List.of()));
    }

    @Test
    void eachTermIsReportedOnceInListOrder() {
        Terms many = new Terms(List.of(), List.of("zero interest", "loan", "check out my"));
        assertThat(many.match(Text.words("loan, check out my loan and zero interest, check out my")).suspect())
                .containsExactly("check out my", "loan", "zero interest");
    }

    @Test
    void aPhraseCutShortByTheEndOfTheTextDoesNotMatch() {
        assertThat(terms.match(Text.words("you should check out")).suspect()).isEmpty();
    }
}
