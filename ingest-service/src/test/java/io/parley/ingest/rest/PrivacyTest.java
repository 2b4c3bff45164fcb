package io.parley.ingest.rest;

import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.SharedInfrastructure;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class PrivacyTest {

    private static final String CLIENT_IP = "203.0.113.77";
    private static final String USER_AGENT = "PrivacyProbe/1.0 (" + UUID.randomUUID() + ")";

    @Test
    void clientAddressAndUserAgentReachNeitherTopicNorDatabaseNorLog() throws Exception {
        String postId = TestEvents.newPostId();
        given().contentType(ContentType.JSON).header("X-Forwarded-For", CLIENT_IP).header("User-Agent", USER_AGENT)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(CommentRequests.json(postId, "Ada", "Private, please.")).post("/api/v1/comments")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", CLIENT_IP).header("User-Agent", USER_AGENT)
                .body("{\"postId\": \"bad/id\"}").post("/api/v1/comments").then().statusCode(400);

        await().until(() -> !IngestEvents.records(postId).isEmpty());
        IngestEvents.records(postId).forEach(record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(value).doesNotContain(CLIENT_IP).doesNotContain(USER_AGENT).doesNotContain("PrivacyProbe");
            record.headers().forEach(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                    .doesNotContain(CLIENT_IP).doesNotContain("PrivacyProbe"));
        });
        assertThat(databaseDump()).doesNotContain(CLIENT_IP).doesNotContain("PrivacyProbe");
        assertThat(Files.readString(Path.of("target/ingest-test.log")))
                .doesNotContain(CLIENT_IP).doesNotContain("PrivacyProbe");
    }

    /** Every text value of every table in ingest's database. */
    private static String databaseDump() throws Exception {
        var postgres = SharedInfrastructure.get().postgres();
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ingest"),
                io.parley.infra.PostgresNode.user("ingest"), io.parley.infra.PostgresNode.password("ingest"));
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public'")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (Statement select = connection.createStatement();
                     ResultSet rows = select.executeQuery("select * from \"" + table + "\"")) {
                    while (rows.next()) {
                        for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                            dump.append(rows.getString(c)).append('\n');
                        }
                    }
                }
            }
        }
        return dump.toString();
    }
}
