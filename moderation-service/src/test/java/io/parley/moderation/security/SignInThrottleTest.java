package io.parley.moderation.security;

import io.parley.moderation.rest.Moderators;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/** Repeated wrong passwords hold up even the right one, on the API and on the console's form. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class SignInThrottleTest {

    @Test
    void afterRepeatedWrongPasswordsEvenTheRightOneIsRefusedForAWhile() {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "the-right-password";
        Moderators.ensure(name, password, "moderator");
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            RestAssured.given().auth().preemptive().basic(name, "guess-" + i).get("/api/v1/me").then().statusCode(401);
        }

        RestAssured.given().auth().preemptive().basic(name, password).get("/api/v1/me").then().statusCode(401);
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", name).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login?error=1"));

        // refused attempts do not prolong the wait: after about a second the right password works again
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> RestAssured.given().auth().preemptive().basic(name, password).get("/api/v1/me")
                        .statusCode() == 200);
    }
}
