package io.parley.moderation.rest;

import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class AccountsApiTest {

    @Test
    void theFirstAdminComesFromConfiguration() {
        Moderators.asAdmin().get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("admin")).body("roles", equalTo(List.of("admin", "moderator")));
    }

    @Test
    void adminCreatesChangesAndDeletesModerators() {
        String name = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        Moderators.asAdmin().contentType("application/json")
                .body(Map.of("username", name, "password", "first-password-123", "role", "moderator"))
                .post("/api/v1/moderators").then().statusCode(201).body("role", equalTo("moderator"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        RestAssured.given().auth().preemptive().basic(name, "first-password-123").get("/api/v1/me").then()
                .statusCode(200).body("roles", equalTo(List.of("moderator")));

        Moderators.asAdmin().contentType("application/json").body(Map.of("password", "second-password-456"))
                .put("/api/v1/moderators/{name}", name).then().statusCode(200);
        RestAssured.given().auth().preemptive().basic(name, "first-password-123").get("/api/v1/me").then()
                .statusCode(401);
        RestAssured.given().auth().preemptive().basic(name, "second-password-456").get("/api/v1/me").then()
                .statusCode(200);

        Moderators.asAdmin().contentType("application/json").body(Map.of("enabled", false))
                .put("/api/v1/moderators/{name}", name).then().statusCode(200).body("enabled", equalTo(false));
        RestAssured.given().auth().preemptive().basic(name, "second-password-456").get("/api/v1/me").then()
                .statusCode(401);

        Moderators.asAdmin().delete("/api/v1/moderators/{name}", name).then().statusCode(204);
        Moderators.asAdmin().get("/api/v1/moderators").then().statusCode(200)
                .body("username", not(hasItem(name))).body("username", hasItem("admin"));
    }

    @Test
    void theLastAdminCannotBeDemotedDisabledOrDeleteThemselves() {
        Moderators.asAdmin().contentType("application/json").body(Map.of("role", "moderator"))
                .put("/api/v1/moderators/admin").then().statusCode(409).contentType("application/problem+json");
        Moderators.asAdmin().contentType("application/json").body(Map.of("enabled", false))
                .put("/api/v1/moderators/admin").then().statusCode(409);
        Moderators.asAdmin().delete("/api/v1/moderators/admin").then().statusCode(409);
        Moderators.asAdmin().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void badAccountsAreProblemsNamingTheField() {
        Moderators.asAdmin().contentType("application/json")
                .body(Map.of("username", "Bad Name", "password", "short", "role", "root"))
                .post("/api/v1/moderators").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("username")).body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("role"));
        Moderators.asAdmin().contentType("application/json")
                .body(Map.of("username", "admin", "password", "long-enough-password", "role", "admin"))
                .post("/api/v1/moderators").then().statusCode(409);
        Moderators.asAdmin().contentType("application/json").body(Map.of("enabled", true))
                .put("/api/v1/moderators/nobody-at-all").then().statusCode(404);
    }
}
