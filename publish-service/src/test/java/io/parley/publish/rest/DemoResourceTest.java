package io.parley.publish.rest;

import io.parley.publish.config.PublishConfig;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoResourceTest {

    @Test
    void demoPageIsNotServedUnlessEnabled() {
        PublishConfig production = new PublishConfig() {
            public String ingestUrl() {
                return "https://ingest.example";
            }

            public Optional<List<String>> allowedOrigins() {
                return Optional.empty();
            }

            public boolean demoEnabled() {
                return false;
            }

            public int maxDepth() {
                return 4;
            }

            public int defaultPageSize() {
                return 50;
            }

            public Cache cache() {
                throw new UnsupportedOperationException("the demo page reads no threads");
            }
        };
        DemoResource demo = new DemoResource(production, new BlogIntegration(production));

        assertThatThrownBy(() -> demo.page(null)).isInstanceOf(NotFoundException.class);
    }
}
