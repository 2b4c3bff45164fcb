package io.parley.publish.rest;

import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

@QuarkusTest
@TestProfile(DemoDisabledTest.Production.class)
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class DemoDisabledTest {

    /** The production default: no demo page. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.publish.demo-enabled", "false");
        }
    }

    @Test
    void demoPageIsNotServedUnlessEnabled() {
        given().redirects().follow(false).get("/demo/").then().statusCode(404);
        given().redirects().follow(false).get("/demo").then().statusCode(404);
    }
}
