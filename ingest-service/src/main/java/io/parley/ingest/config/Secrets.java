package io.parley.ingest.config;

import io.parley.support.abuse.FormTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Keys ingest shares with other parties: the form key with publish, the API key with the blog. */
public class Secrets {

    @Produces
    @ApplicationScoped
    FormTokens formTokens(@ConfigProperty(name = "parley.form-key") String formKey) {
        return new FormTokens(formKey);
    }

    @Produces
    @Singleton
    BlogApiKey blogApiKey(@ConfigProperty(name = "parley.blog-api-key") Optional<String> key) {
        return new BlogApiKey(key.filter(k -> !k.isBlank()));
    }

    /** The blog's key for registering posts; without one, nobody may register posts. */
    public record BlogApiKey(Optional<String> value) {
    }
}
