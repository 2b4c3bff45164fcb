package io.parley.moderation.engine.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorSignalTest {

    @Test
    void personNamesRaiseNothing() {
        assertThat(AuthorSignal.of("Ada Lovelace", null).rules()).isEmpty();
        assertThat(AuthorSignal.of("tor_reader", "https://ada.example").rules()).isEmpty();
    }

    @Test
    void keywordStuffedNameIsFlagged() {
        assertThat(AuthorSignal.of("Cheap NFL Jerseys", null).keywordStuffed()).isTrue();
        assertThat(AuthorSignal.of("Best Payday Loans Online", null).keywordStuffed()).isTrue();
    }

    @Test
    void nameThatIsAUrlIsFlagged() {
        assertThat(AuthorSignal.of("cheapjerseysshop.com", null).nameIsUrl()).isTrue();
    }

    @Test
    void commercialWebsiteIsFlaggedEvenWhenWordsRunTogether() {
        AuthorSignal author = AuthorSignal.of("Mike", "https://www.bestpaydayloans.example");
        assertThat(author.commercialUrl()).isTrue();
        assertThat(author.rules()).containsExactly("author-url-commercial");
    }
}
