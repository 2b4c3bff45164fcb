package io.parley.moderation.rest;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The test accounts: the first admin from %test configuration, and moderators created through the admin API. */
public final class Moderators {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String MODERATOR = "mod-ada";
    public static final String MODERATOR_PASSWORD = "ada-moderates-well";

    private Moderators() {
    }

    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** As the shared moderator, created on first use. */
    public static RequestSpecification asModerator() {
        ensure(MODERATOR, MODERATOR_PASSWORD, "moderator");
        return RestAssured.given().auth().preemptive().basic(MODERATOR, MODERATOR_PASSWORD);
    }

    /** Creates the account unless it exists. */
    public static void ensure(String username, String password, String role) {
        int status = asAdmin().contentType("application/json")
                .body(Map.of("username", username, "password", password, "role", role))
                .post("/api/v1/moderators").statusCode();
        assertThat(status).isIn(201, 409);
    }
}
