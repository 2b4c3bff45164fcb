package io.parley.moderation.engine.signal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @Test
    void countsSchemeWwwAndBareDomainLinksWithTheirHosts() {
        Links links = Links.in("see https://Shop.Example.com/x and www.deals.example.net or cheap-pills.biz today");
        assertThat(links.count()).isEqualTo(3);
        assertThat(links.hosts()).containsExactlyInAnyOrder("shop.example.com", "deals.example.net", "cheap-pills.biz");
    }

    @Test
    void plainTextHasNoLinks() {
        assertThat(Links.in("I use Tor every day, e.g. for banking.")).isEqualTo(Links.NONE);
    }

    @Test
    void parentDomainsAreListedForHostRules() {
        assertThat(Links.in("http://a.b.example.com").hostsAndParents())
                .containsExactly("a.b.example.com", "b.example.com", "example.com");
    }

    @Test
    void linksAtTheEdgesOfTheTextAreFound() {
        assertThat(Links.in("www.x").count()).isEqualTo(1);
        assertThat(Links.in("http://localhost").count()).isEqualTo(1);
        assertThat(Links.in("Visit example.org").hosts()).containsExactly("example.org");
    }

    @Test
    void theQuickCheckNeverSkipsATextInWhichThePatternFindsALink() {
        String[] pieces = {"a", "b", "w", "www", ".", ".", ":", "/", "//", "http", "s", " ", "\t", "\n", "-",
                "com", "net", "biz", "0", "9", "(", ")", "\"", "<", "E", "g"};
        Random random = new Random(5);
        int withLinks = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            if (Links.URL.matcher(text).find()) {
                withLinks++;
                assertThat(Links.mayHaveLink(text.toString())).as(text.toString()).isTrue();
            }
        }
        assertThat(withLinks).isGreaterThan(1_000);
    }
}
