package io.parley.moderation.service;

import io.parley.events.Outcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Placeholder rule until the moderation engine exists: approve, unless the comment carries a link,
 * which a human must look at first.
 */
@ApplicationScoped
public class Labeler {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    public Label label(String body) {
        return LINK.matcher(body).find()
                ? new Label(Outcome.PENDING, "contains a link")
                : new Label(Outcome.APPROVED, "no rule matched");
    }

    public record Label(Outcome outcome, String reason) {
    }
}
