package io.parley.publish.rest;

import io.parley.publish.Decisions;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** ETags, 304s and their invalidation on every read; CORS for configured blog origins only (test config). */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class HttpCachingAndCorsTest {

    private static final String BLOG = "https://blog.example";

    private final Decisions decisions = Decisions.forNewPost();

    @Test
    void everyReadAnswers304ToItsOwnETagUntilTheThreadChanges() {
        decisions.approve(null, "first");
        decisions.awaitCount(1);
        List<String> reads = List.of(
                "/api/v1/posts/" + decisions.postId() + "/comments",
                "/api/v1/counts?postId=" + decisions.postId(),
                "/posts/" + decisions.postId() + "/comments.atom");
        List<String> tags = reads.stream().map(this::etagOf).toList();
        for (int i = 0; i < reads.size(); i++) {
            given().header("If-None-Match", tags.get(i)).get(reads.get(i))
                    .then().statusCode(304).header("ETag", tags.get(i));
        }

        decisions.approve(null, "second");
        decisions.awaitCount(2);

        for (int i = 0; i < reads.size(); i++) {
            given().header("If-None-Match", tags.get(i)).get(reads.get(i))
                    .then().statusCode(200).header("ETag", not(equalTo(tags.get(i))));
        }
    }

    @Test
    void ifNoneMatchListingTheTagAmongOthersMatches() {
        String read = "/api/v1/posts/" + decisions.postId() + "/comments";
        String tag = etagOf(read);

        given().header("If-None-Match", "\"other\", " + tag.substring(2)).get(read).then().statusCode(304);
        given().header("If-None-Match", "*").get(read).then().statusCode(304);
        given().header("If-None-Match", "W/\"other\"").get(read).then().statusCode(200);
    }

    @Test
    void differentPagesHaveDifferentTags() {
        String all = etagOf("/api/v1/posts/" + decisions.postId() + "/comments");
        String newest = etagOf("/api/v1/posts/" + decisions.postId() + "/comments?sort=newest");
        assertThat(all).isNotEqualTo(newest);
    }

    @Test
    void readsAreCompressedWhenTheClientAsks() {
        given().header("Accept-Encoding", "gzip").get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void configuredBlogOriginMayReadCrossOrigin() {
        given().header("Origin", BLOG).get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", BLOG)
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void preflightFromTheBlogIsAllowedForGet() {
        given().header("Origin", BLOG).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/counts")
                .then().header("Access-Control-Allow-Origin", BLOG)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("GET"));
    }

    @Test
    void otherOriginsGetNoCorsGrant() {
        given().header("Origin", "https://evil.example").get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/counts")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void readsCarrySecurityHeaders() {
        given().get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
    }

    private String etagOf(String path) {
        String tag = given().get(path).then().statusCode(200)
                .header("Cache-Control", "public, no-cache")
                .header("ETag", startsWith("W/\""))
                .extract().header("ETag");
        assertThat(tag).isNotBlank();
        return tag;
    }

}
