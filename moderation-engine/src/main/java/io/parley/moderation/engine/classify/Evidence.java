package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.signal.AuthorSignal;
import io.parley.moderation.engine.signal.Links;
import io.parley.moderation.engine.signal.Terms;

import java.util.List;

/**
 * What the text of a comment and its author fields show, computed once and shared by the features and
 * the decision rules.
 *
 * @param text       normalized body
 * @param words      the body's words ({@link io.parley.moderation.engine.text.Text#words}), split once for
 *                   the features, the term lists and the relevance signal
 * @param authorName normalized author name
 */
public record Evidence(String text, List<String> words, String authorName, Links links, Terms.Matches terms,
                       AuthorSignal author) {
}
