package io.parley.moderation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.moderation.console.ConsoleSession;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document, so an endpoint added later is checked without anyone
 * listing it here: each must declare a security requirement, refuse anonymous callers (API: 401;
 * console: redirect to the sign-in page), refuse moderators where it is for admins, and, on the
 * console, refuse state changes without the session's CSRF token. Only the sign-in page is public.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class AuthorizationTest {

    /** The only operations anyone may call. */
    private static final Set<String> PUBLIC = Set.of("GET /login");
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    record Operation(String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        /** The path with every parameter filled in with something well-formed. */
        String url() {
            String url = path;
            for (JsonNode parameter : spec.path("parameters")) {
                if (!parameter.path("in").asText().equals("path")) {
                    continue;
                }
                String name = parameter.path("name").asText();
                String type = parameter.path("schema").path("type").asText();
                String value = type.equals("integer") ? "987654321" : name.equals("username") ? "nobody-here"
                        : UUID.randomUUID().toString();
                url = url.replace("{" + name + "}", value);
            }
            return url;
        }

        /** Roles the document says the operation needs; empty when it needs none. */
        List<String> roles(JsonNode document) {
            JsonNode security = spec.has("security") ? spec.get("security") : document.path("security");
            List<String> roles = new ArrayList<>();
            security.forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            return roles;
        }
    }

    private static JsonNode document;
    private static List<Operation> operations;

    /** Read in the first test: RestAssured knows the application's port only from then on. */
    @BeforeEach
    void readOpenApi() throws Exception {
        if (operations != null) {
            return;
        }
        String json = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
        operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            });
        }
    }

    @Test
    void theDocumentListsTheWholeApiAndConsole() {
        assertThat(operations).extracting(Operation::key).contains(
                "GET /api/v1/queue", "GET /api/v1/comments/{id}", "POST /api/v1/comments/{id}/decision",
                "POST /api/v1/decisions", "GET /api/v1/terms", "POST /api/v1/bans", "GET /api/v1/stats",
                "GET /api/v1/moderators", "GET /queue", "POST /comments/{id}/decision", "GET /login");
    }

    @Test
    void everyOperationButSignInDeclaresTheRolesItNeeds() {
        for (Operation op : operations) {
            if (PUBLIC.contains(op.key())) {
                continue;
            }
            assertThat(op.roles(document)).as(op.key() + " declares roles").isNotEmpty()
                    .allSatisfy(role -> assertThat(role).isIn("moderator", "admin"));
        }
    }

    @Test
    void anonymousCallersAreRefusedEverywhereButSignIn() {
        for (Operation op : operations) {
            Response response = send(RestAssured.given(), op, null);
            if (PUBLIC.contains(op.key())) {
                assertThat(response.statusCode()).as(op.key()).isEqualTo(200);
            } else if (op.api()) {
                assertThat(response.statusCode()).as(op.key()).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as(op.key()).startsWithIgnoringCase("basic");
            } else {
                assertThat(response.statusCode()).as(op.key()).isIn(302, 303);
                assertThat(response.header("Location")).as(op.key()).endsWith("/login");
            }
        }
    }

    @Test
    void wrongPasswordsAreRefusedOnTheApi() {
        for (Operation op : operations) {
            if (op.api()) {
                // a different unknown user each time: the throttle must not be what refuses them
                Response response = send(RestAssured.given().auth().preemptive().basic(
                        "intruder-" + UUID.randomUUID(), "not the password"), op, null);
                assertThat(response.statusCode()).as(op.key()).isEqualTo(401);
            }
        }
    }

    @Test
    void moderatorsAreRefusedWhatIsForAdminsOnly() {
        Moderators.ensure(Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD, "moderator");
        ConsoleSession session = ConsoleSession.signIn(Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
        int adminOnly = 0;
        for (Operation op : operations) {
            List<String> roles = op.roles(document);
            int status = op.api() ? send(Moderators.asModerator(), op, null).statusCode()
                    : send(session.cookies(), op, session.token()).statusCode();
            if (!roles.isEmpty() && !roles.contains("moderator")) {
                adminOnly++;
                assertThat(status).as(op.key()).isEqualTo(403);
            } else {
                assertThat(status).as(op.key()).isNotIn(401, 403, 500);
            }
        }
        assertThat(adminOnly).as("account management is for admins").isGreaterThanOrEqualTo(4);
    }

    /** Which is why the API needs no CSRF token: a browser's cookies alone never authenticate it. */
    @Test
    void theApiIgnoresTheConsoleSessionCookie() {
        ConsoleSession admin = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);
        for (Operation op : operations) {
            if (op.api()) {
                assertThat(send(admin.cookies(), op, null).statusCode()).as(op.key()).isEqualTo(401);
            }
        }
    }

    @Test
    void consoleStateChangesNeedTheSessionsCsrfToken() {
        ConsoleSession admin = ConsoleSession.signIn(Moderators.ADMIN, Moderators.ADMIN_PASSWORD);
        Moderators.ensure(Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD, "moderator");
        ConsoleSession other = ConsoleSession.signIn(Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
        int checked = 0;
        for (Operation op : operations) {
            if (op.api() || SAFE.contains(op.method()) || PUBLIC.contains(op.key())) {
                continue;
            }
            checked++;
            assertThat(send(admin.cookies(), op, null).statusCode()).as(op.key() + " without token").isEqualTo(403);
            String forged = "forged." + UUID.randomUUID();
            assertThat(send(admin.cookiesWithToken(forged), op, forged).statusCode())
                    .as(op.key() + " with a forged token").isEqualTo(403);
            assertThat(send(admin.cookiesWithToken(other.token()), op, other.token()).statusCode())
                    .as(op.key() + " with another moderator's token").isEqualTo(403);
            assertThat(send(admin.cookies(), op, "not-the-cookie's-token").statusCode())
                    .as(op.key() + " with a form token other than the cookie's").isEqualTo(403);
            assertThat(send(admin.cookies(), op, admin.token()).statusCode())
                    .as(op.key() + " with the token").isNotIn(401, 403, 500);
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }

    /** Sends the operation with a well-formed body; {@code csrf}, when given, as the form's token. */
    private static Response send(RequestSpecification request, Operation op, String csrf) {
        RequestSpecification r = request.redirects().follow(false);
        if (!SAFE.contains(op.method())) {
            boolean form = op.spec.path("requestBody").path("content").has("application/x-www-form-urlencoded");
            if (form || !op.api()) {
                if (csrf != null) {
                    r = r.formParam("csrf", csrf);
                }
                // well-formed where it decides nothing (unknown ids), invalid where it would create something
                r = r.contentType("application/x-www-form-urlencoded").formParam("action", "approve")
                        .formParam("term", "!!!").formParam("kind", "suspect")
                        .formParam("value", "short").formParam("hours", "1");
            } else if (op.spec.has("requestBody")) {
                r = r.contentType("application/json").body("{}");
            }
        }
        return r.request(op.method(), op.url());
    }
}
