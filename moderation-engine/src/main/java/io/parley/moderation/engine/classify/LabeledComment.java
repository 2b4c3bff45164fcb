package io.parley.moderation.engine.classify;

/** A comment with the label a human gave it. Author fields may be null. */
public record LabeledComment(String body, String authorName, String authorUrl, Label label) {
}
