package io.parley.ingest.rest;

import io.parley.events.CommentSubmitted;
import io.parley.support.abuse.ProofOfWork;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class AntiAbuseTest {

    @Inject
    Clock clock;

    @Test
    void challengeGivesASignedFormTokenAndTheDifficulty() {
        given().get("/api/v1/challenge?postId={p}", TestEvents.newPostId())
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("formToken", notNullValue()).body("bits", greaterThanOrEqualTo(14));
    }

    @Test
    void proofOfWorkAndFillTimeTravelWithTheEvent() {
        String postId = TestEvents.newPostId();
        ExtractableResponse<Response> challenge = given().get("/api/v1/challenge?postId={p}", postId).then().extract();
        String token = challenge.path("formToken");
        int bits = challenge.path("bits");

        String id = submit(postId, "client-a", Map.of("formToken", token, "powNonce", ProofOfWork.solve(token, bits)))
                .path("id");

        CommentSubmitted event = IngestEvents.awaitEvent(postId, CommentSubmitted.class, UUID.fromString(id));
        assertThat(event.signals().proofOfWorkBits()).isGreaterThanOrEqualTo(bits);
        assertThat(event.signals().requiredWorkBits()).isEqualTo(bits);
        assertThat(event.signals().fillTimeMillis()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(event.signals().clientFingerprint()).isNotBlank();
        assertThat(event.authorKey()).isNotBlank();
    }

    @Test
    void forgedTokenCountsForNothing() {
        String postId = TestEvents.newPostId();
        String forged = "v1." + System.currentTimeMillis() + ".forged";
        String id = submit(postId, "client-b", Map.of("formToken", forged, "powNonce", ProofOfWork.solve(forged, 8)))
                .path("id");
        CommentSubmitted event = IngestEvents.awaitEvent(postId, CommentSubmitted.class, UUID.fromString(id));
        assertThat(event.signals().proofOfWorkBits()).isZero();
        assertThat(event.signals().fillTimeMillis()).isNull();
    }

    @Test
    void clientWithoutProofOfWorkIsRateLimitedWithRetryAfter() {
        ExtractableResponse<Response> limited;
        long minute;
        // The limiter counts per minute of the clock: submissions that straddle the turn of a minute are
        // counted in two windows, so such a run is made again, on a fresh post, within one minute.
        do {
            minute = minuteOfTheClock();
            String postId = TestEvents.newPostId();
            for (int i = 0; i < 10; i++) {
                assertThat(submit(postId, "client-c", Map.of()).statusCode()).isEqualTo(202);
            }
            limited = given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", "198.51.100.3").header("User-Agent", "client-c")
                    .body(CommentRequests.json(postId, "Ada", "one too many")).post("/api/v1/comments").then()
                    .extract();
        } while (minuteOfTheClock() != minute);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void readersSharingATorExitAreNotLockedOutWhenTheyProveWork() {
        String postId = TestEvents.newPostId();
        for (int i = 0; i < 15; i++) {
            ExtractableResponse<Response> challenge = given().get("/api/v1/challenge?postId={p}", postId).then().extract();
            String token = challenge.path("formToken");
            Map<String, Object> proof = Map.of("formToken", token, "powNonce", ProofOfWork.solve(token, challenge.path("bits")));
            assertThat(submit(postId, "tor-browser", proof).statusCode()).as("comment %d", i).isEqualTo(202);
        }
    }

    private long minuteOfTheClock() {
        return clock.millis() / 60_000;
    }

    /** Every call comes from the same (documentation-range) address, as through one Tor exit. */
    private static ExtractableResponse<Response> submit(String postId, String userAgent, Map<String, Object> extra) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.51.100.3").header("User-Agent", userAgent)
                .body(CommentRequests.json(postId, "Ada", "Comment " + UUID.randomUUID(), extra))
                .post("/api/v1/comments").then().extract();
    }
}
