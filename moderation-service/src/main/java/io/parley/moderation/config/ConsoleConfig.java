package io.parley.moderation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The moderator console ({@code parley.console.*}). */
@ConfigMapping(prefix = "parley.console")
public interface ConsoleConfig {

    /**
     * Mark every cookie {@code Secure}: set it when a TLS-terminating proxy stands in front (cookies
     * are marked anyway when the request itself came over TLS).
     */
    @WithDefault("false")
    boolean secureCookies();
}
