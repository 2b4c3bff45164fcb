package io.parley.ingest.service;

import io.parley.support.rest.Problem;

import java.util.List;

/** A comment ingest will not take, with the HTTP status and the fields to fix, if any. */
public class CommentRefusedException extends RuntimeException {

    private final int status;
    private final String slug;
    private final List<Problem.FieldError> errors;

    public CommentRefusedException(int status, String slug, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.errors = errors;
    }

    public static CommentRefusedException invalid(List<Problem.FieldError> errors) {
        return new CommentRefusedException(400, "invalid-request", "Invalid " + errors.stream()
                .map(Problem.FieldError::field).distinct().reduce((a, b) -> a + ", " + b).orElse("request"), errors);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        if (status == 400 && errors != null && !errors.isEmpty()) {
            return Problem.invalid(getMessage(), errors);
        }
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return Problem.of(status, known != null ? known.getReasonPhrase() : "Unprocessable Content", slug, getMessage());
    }

    public List<Problem.FieldError> errors() {
        return errors == null ? List.of() : errors;
    }
}
