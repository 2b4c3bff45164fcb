package io.parley.moderation.security;

/** The two roles. An admin holds both, so every moderator endpoint is open to admins too. */
public final class Roles {

    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
