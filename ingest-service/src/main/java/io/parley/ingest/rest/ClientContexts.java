package io.parley.ingest.rest;

import io.parley.ingest.service.Pseudonyms;
import io.parley.ingest.service.SubmissionContext;
import io.parley.support.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;

/**
 * Reads what anti-abuse needs from a request. The address and user agent are turned into the day's
 * fingerprint here and go no further: not into events, logs or the database.
 */
@ApplicationScoped
public class ClientContexts {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final Pseudonyms pseudonyms;

    public ClientContexts(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public SubmissionContext of(HttpServerRequest request, String idempotencyKey, String honeypot, String formToken,
                                String powNonce, boolean viaForm) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw io.parley.ingest.service.CommentRefusedException.invalid(List.of(new Problem.FieldError(
                    "Idempotency-Key", "must be 1-200 printable ASCII characters")));
        }
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        String fingerprint = pseudonyms.clientFingerprint(address, request.getHeader(HttpHeaders.USER_AGENT),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return new SubmissionContext(fingerprint, idempotencyKey, honeypot, formToken, powNonce, viaForm);
    }
}
