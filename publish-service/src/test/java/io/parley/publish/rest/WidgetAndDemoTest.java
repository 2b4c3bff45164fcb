package io.parley.publish.rest;

import io.parley.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class WidgetAndDemoTest {

    @Test
    void widgetIsServedAsScriptWithIngestsUrlWrittenIn() {
        String script = given().get("/embed.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asString();

        assertThat(script).contains("var INGEST = \"http://ingest.test:8081\"").doesNotContain("__PARLEY_INGEST_URL__");
    }

    @Test
    void widgetKeepsNoStateAndNamesNoOtherOrigin() {
        String script = given().get("/embed.js").then().statusCode(200).extract().asString();
        String code = script.replaceAll("(?s)/\\*.*?\\*/", "");

        assertThat(code).doesNotContain("document.cookie", "localStorage", "sessionStorage", "indexedDB",
                "navigator.sendBeacon", "XMLHttpRequest", "eval(", "new Function");
        Matcher urls = Pattern.compile("https?://[^\"'\\s)]+").matcher(code);
        while (urls.find()) {
            assertThat(urls.group()).isEqualTo("http://ingest.test:8081");
        }
        assertThat(code).contains("credentials: 'omit'");
    }

    @Test
    void widgetAnswers304ToItsETag() {
        String tag = given().get("/embed.js").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).get("/embed.js").then().statusCode(304);
    }

    @Test
    void demoPageEmbedsTheWidgetAndFallsBackToTheFragment() {
        String page = given().get("/demo/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://ingest.test:8081"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .extract().asString();
        Document demo = Jsoup.parse(page);

        Element widget = demo.selectFirst("script[src$=/embed.js]");
        assertThat(widget.attr("data-post-id")).isEqualTo(DemoResource.DEMO_POST);
        assertThat(demo.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(demo.select("#parley-comments")).hasSize(1);
        assertThat(page).contains("/posts/" + DemoResource.DEMO_POST + "/comments.html?returnTo=");
    }

    @Test
    void demoIsAlsoServedWithoutTrailingSlash() {
        given().redirects().follow(false).get("/demo").then().statusCode(200)
                .body(containsString("embed.js"));
    }

    @Test
    void stylesheetIsServed() {
        given().get("/parley.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString(".parley-hp"));
    }
}
