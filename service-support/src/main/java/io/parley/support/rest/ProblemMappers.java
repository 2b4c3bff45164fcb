package io.parley.support.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns every failure of a request into {@code application/problem+json}: client mistakes into 4xx
 * naming the field, anything unexpected into a bare 500 whose details stay in the server log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problem.invalid("Invalid " + fields, errors).toResponse().build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String detail = field.isEmpty() ? "The body is not valid JSON" : "Wrong type or format for " + field;
        List<Problem.FieldError> errors = field.isEmpty() ? null
                : List.of(new Problem.FieldError(field, "has the wrong type or format"));
        return Problem.invalid(detail, errors).toResponse().build();
    }

    /** Quarkus has its own, body-less mapper for this subtype; ours must be at least as specific. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder builder = Problem.of(status, slug(status), status.getReasonPhrase()).toResponse();
        // keep protocol headers such as Allow (405) or Retry-After
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure handling a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; it has been logged.").toResponse().build();
    }

    static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** {@code author.name} for a violation on {@code submit.request.author.name}: the JSON path, not the Java one. */
    public static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        return nodes.stream()
                .filter(node -> node.getKind() == ElementKind.PROPERTY
                        || node.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName)
                .collect(Collectors.joining("."))
                .transform(path -> path.isEmpty() ? lastName(nodes) : path);
    }

    private static String lastName(List<Path.Node> nodes) {
        return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).getName();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
