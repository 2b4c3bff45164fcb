package io.parley.publish.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.publish.repository.PostThreadRepository;
import io.parley.publish.repository.ThreadChangeListener;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The per-instance read cache against the real database: hits are seen in the cache's counters,
 * changes committed by this instance or by any other writer of the shared database invalidate it
 * (heard through LISTEN/NOTIFY), and while changes cannot be heard reads go to the database.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ThreadReadCacheTest {

    @Inject
    ThreadService service;

    @Inject
    ThreadCache cache;

    @Inject
    ThreadChangeListener listener;

    @Inject
    PostThreadRepository threads;

    @Inject
    DataSource database;

    @Inject
    MeterRegistry registry;

    private final String postId = TestEvents.newPostId();

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(30)).until(cache::active);
    }

    @Test
    void secondReadOfAnUnchangedThreadIsServedFromTheCache() {
        UUID id = apply(null, "cached words");
        String first = thread().body("comments[0].id", equalTo(id.toString())).extract().asString();
        double pageHits = lookups("page", "hit");
        double pageMisses = lookups("page", "miss");
        double threadHits = lookups("thread", "hit");

        String second = thread().extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(lookups("page", "hit")).isEqualTo(pageHits + 1);
        assertThat(lookups("page", "miss")).isEqualTo(pageMisses);
        assertThat(lookups("thread", "hit")).isEqualTo(threadHits + 1);
    }

    @Test
    void firstReadLooksUpTheThreadAndItsPageOnceEach() {
        apply(null, "looked up once");
        double threadLookups = lookups("thread", "hit") + lookups("thread", "miss");
        double pageMisses = lookups("page", "miss");

        thread().statusCode(200);

        assertThat(lookups("thread", "hit") + lookups("thread", "miss")).isEqualTo(threadLookups + 1);
        assertThat(lookups("page", "miss")).isEqualTo(pageMisses + 1);
    }

    @Test
    void cachedPageIsSentWithTheHeadersOfAFreshOne() {
        apply(null, "headers");
        ValidatableResponse fresh = thread();
        double pageHits = lookups("page", "hit");
        ValidatableResponse cached = thread();

        assertThat(lookups("page", "hit")).isEqualTo(pageHits + 1);
        for (ValidatableResponse read : List.of(fresh, cached)) {
            read.header("Content-Type", "application/json;charset=UTF-8")
                    .header("Cache-Control", "public, no-cache")
                    .header("ETag", fresh.extract().header("ETag"));
        }
    }

    @Test
    void countsOfUnchangedPostsAreServedFromTheCache() {
        apply(null, "counted");
        String unknown = TestEvents.newPostId();
        counts(unknown);
        double threadHits = lookups("thread", "hit");

        counts(unknown).body("counts.'" + postId + "'", equalTo(1)).body("counts.'" + unknown + "'", equalTo(0));

        assertThat(lookups("thread", "hit")).isEqualTo(threadHits + 2);
    }

    @Test
    void decisionAppliedByThisInstanceIsVisibleOnTheNextRead() {
        UUID first = apply(null, "first");
        thread().body("count", equalTo(1));
        thread().body("count", equalTo(1));
        counts(TestEvents.newPostId()).body("counts.'" + postId + "'", equalTo(1));

        UUID reply = apply(first, "a reply");

        thread().body("count", equalTo(2)).body("comments[0].replies[0].id", equalTo(reply.toString()));
        counts(TestEvents.newPostId()).body("counts.'" + postId + "'", equalTo(2));
    }

    @Test
    void changeCommittedByAnotherWriterThroughTheRepositoryInvalidatesTheCache() throws SQLException {
        UUID id = apply(null, "before");
        thread().body("comments[0].html", equalTo("<p>before</p>"));
        thread().body("comments[0].html", equalTo("<p>before</p>"));

        // Unannounced, the change stays unseen: the page comes from the cache.
        sql("update published_comment set html = '<p>changed elsewhere</p>' where id = ?", id);
        thread().body("comments[0].html", equalTo("<p>before</p>"));

        // Announced as every writer does, in its own transaction.
        QuarkusTransaction.requiringNew().run(() -> threads.changed(Map.of(postId, 0), Instant.now()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                thread().body("comments[0].html", equalTo("<p>changed elsewhere</p>")));
    }

    @Test
    void notificationFromAnotherConnectionAfterItsCommitInvalidatesTheCache() throws SQLException {
        UUID id = apply(null, "before");
        thread().body("comments[0].html", equalTo("<p>before</p>"));
        thread().body("comments[0].html", equalTo("<p>before</p>"));

        try (Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            update(other, "update published_comment set html = '<p>from another instance</p>' where id = ?", id);
            update(other, "update thread set version = version + 1 where post_id = ?", postId);
            try (PreparedStatement notify = other.prepareStatement("select pg_notify('parley_thread_changed', ?)")) {
                notify.setString(1, postId);
                notify.execute();
            }
            other.commit();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                thread().body("comments[0].html", equalTo("<p>from another instance</p>")));
    }

    @Test
    void withTheListenerStoppedReadsBypassTheCacheAndStayCorrect() throws SQLException {
        UUID id = apply(null, "before");
        thread();
        thread();
        listener.stop();
        try {
            assertThat(cache.active()).isFalse();
            double hits = lookups("page", "hit") + lookups("thread", "hit");
            double bypassed = lookups("any", "bypass");

            // Nothing announces this change; only reading the database shows it.
            sql("update published_comment set html = '<p>unannounced</p>' where id = ?", id);
            sql("update thread set version = version + 1 where post_id = ?", postId);

            thread().body("comments[0].html", equalTo("<p>unannounced</p>"));
            thread().body("comments[0].html", equalTo("<p>unannounced</p>"));
            assertThat(lookups("page", "hit") + lookups("thread", "hit")).isEqualTo(hits);
            assertThat(lookups("any", "bypass")).isGreaterThan(bypassed);
        } finally {
            listener.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(cache::active);
        thread().body("comments[0].html", equalTo("<p>unannounced</p>"));
    }

    @Test
    void brokenListenerConnectionReconnectsAndForgetsWhatItMayHaveMissed() throws SQLException {
        UUID id = apply(null, "before");
        thread();
        thread().body("comments[0].html", equalTo("<p>before</p>"));
        long connects = listener.connects();

        try (Connection admin = database.getConnection();
             PreparedStatement kill = admin.prepareStatement("""
                     select pg_terminate_backend(pid) from pg_stat_activity
                     where datname = current_database() and application_name = ?""")) {
            kill.setString(1, "publish-service thread-change listener");
            kill.execute();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.connects() > connects && cache.active());

        // Changes made while the connection was down are never announced: the cache must have been emptied.
        sql("update published_comment set html = '<p>missed</p>' where id = ?", id);
        thread().body("comments[0].html", equalTo("<p>missed</p>"));

        sql("update published_comment set html = '<p>heard</p>' where id = ?", id);
        QuarkusTransaction.requiringNew().run(() -> threads.changed(Map.of(postId, 0), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                thread().body("comments[0].html", equalTo("<p>heard</p>")));
    }

    private UUID apply(UUID parentId, String body) {
        ModerationDecision decision = TestEvents.decision(postId, UUID.randomUUID(), parentId, 1, Outcome.APPROVED, body);
        service.apply(List.of(decision));
        return decision.commentId();
    }

    private ValidatableResponse thread() {
        return given().get("/api/v1/posts/{postId}/comments", postId).then().statusCode(200);
    }

    private ValidatableResponse counts(String otherPost) {
        return given().queryParam("postId", postId, otherPost).get("/api/v1/counts").then().statusCode(200);
    }

    private double lookups(String kind, String result) {
        return registry.get("parley.publish.cache.lookups").tag("kind", kind).tag("result", result).counter().count();
    }

    private void sql(String statement, Object parameter) throws SQLException {
        try (Connection connection = database.getConnection()) {
            update(connection, statement, parameter);
        }
    }

    private static void update(Connection connection, String statement, Object parameter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, parameter);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
