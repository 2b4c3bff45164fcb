package io.parley.publish.rest;

import io.parley.events.ModerationDecision;
import io.parley.publish.Decisions;
import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ThreadPagingTest {

    private final Decisions decisions = Decisions.forNewPost();
    private final List<String> topLevel = new ArrayList<>();
    private String replyId;

    /** Five top-level comments, oldest first, the first with a reply. */
    @BeforeEach
    void fiveTopLevelComments() {
        for (int i = 1; i <= 5; i++) {
            topLevel.add(decisions.approve(null, "comment " + i).commentId().toString());
        }
        ModerationDecision reply = decisions.approve(java.util.UUID.fromString(topLevel.get(0)), "reply");
        replyId = reply.commentId().toString();
        decisions.awaitCount(6);
    }

    @Test
    void pagesOfTopLevelCommentsFollowTheCursorOldestFirst() {
        String cursor = page("oldest", 2, null)
                .body("count", equalTo(6))
                .body("comments.id", contains(topLevel.get(0), topLevel.get(1)))
                .body("comments[0].replies.id", contains(replyId))
                .extract().path("nextCursor");
        cursor = page("oldest", 2, cursor).body("comments.id", contains(topLevel.get(2), topLevel.get(3)))
                .extract().path("nextCursor");
        page("oldest", 2, cursor)
                .body("comments.id", contains(topLevel.get(4)))
                .body("nextCursor", nullValue());
    }

    @Test
    void newestFirstReversesTopLevelButNotReplies() {
        String cursor = page("newest", 3, null)
                .body("sort", equalTo("newest"))
                .body("comments.id", contains(topLevel.get(4), topLevel.get(3), topLevel.get(2)))
                .extract().path("nextCursor");
        page("newest", 3, cursor)
                .body("comments.id", contains(topLevel.get(1), topLevel.get(0)))
                .body("comments[1].replies.id", contains(replyId))
                .body("nextCursor", nullValue());
    }

    @Test
    void cursorOfOneOrderIsRefusedForTheOther() {
        String cursor = page("oldest", 2, null).extract().path("nextCursor");

        given().queryParam("sort", "newest").queryParam("cursor", cursor)
                .get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void garbledCursorIsAProblemNamingIt() {
        given().queryParam("cursor", "not-a-cursor!")
                .get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void limitOutOfRangeIsAProblemNamingIt() {
        for (String limit : List.of("0", "101", "ten")) {
            given().queryParam("limit", limit).get("/api/v1/posts/{postId}/comments", decisions.postId())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void unknownSortIsAProblemNamingIt() {
        given().queryParam("sort", "best").get("/api/v1/posts/{postId}/comments", decisions.postId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
    }

    private io.restassured.response.ValidatableResponse page(String sort, int limit, String cursor) {
        var request = given().queryParam("sort", sort).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/posts/{postId}/comments", decisions.postId()).then().statusCode(200);
    }
}
