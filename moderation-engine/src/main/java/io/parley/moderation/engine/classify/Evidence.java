package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.signal.AuthorSignal;
import io.parley.moderation.engine.signal.Links;
import io.parley.moderation.engine.signal.Terms;

/**
 * What the text of a comment and its author fields show, computed once and shared by the features and
 * the decision rules.
 *
 * @param text       normalized body
 * @param authorName normalized author name
 */
public record Evidence(String text, String authorName, Links links, Terms.Matches terms, AuthorSignal author) {
}
