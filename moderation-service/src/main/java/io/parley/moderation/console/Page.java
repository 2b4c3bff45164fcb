package io.parley.moderation.console;

/** What every console page shows around its content: who is signed in, and the CSRF token for its forms. */
public record Page(String title, String section, String user, boolean admin, String csrf) {
}
