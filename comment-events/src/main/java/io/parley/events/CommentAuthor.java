package io.parley.events;

/**
 * Who wrote a comment, as the commenter typed it. All fields but {@code name} are optional.
 * The e-mail address never leaves moderation: {@link ModerationDecision} carries {@link PublicAuthor}.
 */
public record CommentAuthor(String name, String email, String url) {

    public PublicAuthor toPublic() {
        return new PublicAuthor(name, url);
    }
}
