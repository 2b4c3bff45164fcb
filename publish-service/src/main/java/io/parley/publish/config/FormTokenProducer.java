package io.parley.publish.config;

import io.parley.support.abuse.FormTokens;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs the form tokens of rendered comment forms with the key ingest verifies them with. */
public class FormTokenProducer {

    @Produces
    @Singleton
    FormTokens formTokens(@ConfigProperty(name = "parley.form-key") String key) {
        return new FormTokens(key);
    }
}
