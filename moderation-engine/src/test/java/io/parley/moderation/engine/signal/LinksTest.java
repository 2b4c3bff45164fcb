package io.parley.moderation.engine.signal;

import org.junit.jupiter.api.Test;

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
}
