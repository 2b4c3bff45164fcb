package io.parley.moderation.console;

import io.parley.events.Outcome;
import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

@TemplateExtension
final class ConsoleExtensions {

    private ConsoleExtensions() {
    }

    /** {@code approved}, as the API spells it. */
    static String label(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** For query strings. */
    static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first line of a comment, for the queue. */
    static String excerpt(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}
