package io.parley.ingest.service;

import io.parley.ingest.config.IngestConfig;
import io.parley.support.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a comment body follows beyond its JSON shape (some depend on configuration). */
@ApplicationScoped
public class CommentRules {

    /** C0 and C1 controls other than tab, line feed and carriage return, which no reader types. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    private final IngestConfig config;

    public CommentRules(IngestConfig config) {
        this.config = config;
    }

    public List<Problem.FieldError> bodyErrors(String body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            errors.add(new Problem.FieldError("body", "must not be blank"));
        } else if (body.strip().length() > config.maxBodyChars()) {
            errors.add(new Problem.FieldError("body", "must be at most " + config.maxBodyChars() + " characters"));
        } else if (CONTROL.matcher(body).find()) {
            errors.add(new Problem.FieldError("body", "must not contain control characters"));
        }
        return errors;
    }

    public List<Problem.FieldError> nameErrors(String name) {
        return name != null && CONTROL.matcher(name).find()
                ? List.of(new Problem.FieldError("author.name", "must not contain control characters"))
                : List.of();
    }
}
