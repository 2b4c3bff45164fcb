package io.parley.moderation.console;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static org.assertj.core.api.Assertions.assertThat;

/** A moderator signed in to the console through its login form, as a browser would be. */
public final class ConsoleSession {

    private final String session;
    private final String token;

    private ConsoleSession(String session, String token) {
        this.session = session;
        this.token = token;
    }

    public static ConsoleSession signIn(String username, String password) {
        Response login = RestAssured.given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(login.statusCode()).as("sign-in redirects").isEqualTo(302);
        String session = login.getCookie("parley-session");
        assertThat(session).as("session cookie of " + username).isNotBlank();
        Response page = RestAssured.given().redirects().follow(false).cookie("parley-session", session)
                .get("/queue");
        assertThat(page.statusCode()).isEqualTo(200);
        String token = page.getCookie("parley-csrf");
        assertThat(token).isNotBlank();
        return new ConsoleSession(session, token);
    }

    public String session() {
        return session;
    }

    public String token() {
        return token;
    }

    /** The session and its CSRF cookie, as the browser sends them on every request. */
    public RequestSpecification cookies() {
        return cookiesWithToken(token);
    }

    /** The session with some other CSRF cookie. */
    public RequestSpecification cookiesWithToken(String csrfCookie) {
        return RestAssured.given().redirects().follow(false).cookie("parley-session", session)
                .cookie("parley-csrf", csrfCookie);
    }

    /** A state-changing form post, with the page's token as a browser sends it. */
    public Response post(String path, Object... formFields) {
        RequestSpecification request = cookies().contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token);
        for (int i = 0; i < formFields.length; i += 2) {
            request = request.formParam((String) formFields[i], formFields[i + 1]);
        }
        return request.post(path);
    }
}
