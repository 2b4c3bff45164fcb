package io.parley.support.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginsTest {

    @Test
    void originIsSchemeHostAndNonDefaultPort() {
        assertEquals("https://blog.example", Origins.of("HTTPS://Blog.Example:443/a/b?c#d").orElseThrow());
        assertEquals("http://127.0.0.1:8083", Origins.of("http://127.0.0.1:8083/demo/").orElseThrow());
    }

    @Test
    void nonWebOrTrickyUrlsHaveNoOrigin() {
        for (String url : new String[]{"javascript:alert(1)", "data:text/html,x", "//blog.example/x",
                "https://user@blog.example/", "ftp://blog.example", "not a url", "", null}) {
            assertTrue(Origins.of(url).isEmpty(), String.valueOf(url));
        }
    }
}
