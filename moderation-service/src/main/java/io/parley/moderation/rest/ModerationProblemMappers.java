package io.parley.moderation.rest;

import io.parley.moderation.service.Conflict;
import io.parley.support.rest.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.NoSuchElementException;

/** The moderation services' refusals as problems: unknown things are 404, contradictions 409,
 * unusable fields 400. */
public class ModerationProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NoSuchElementException e) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidField e) {
        return Problem.invalid("Invalid " + e.field(), List.of(new Problem.FieldError(e.field(), e.getMessage())))
                .toResponse().build();
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return Problem.of(Response.Status.CONFLICT, "conflict", e.getMessage()).toResponse().build();
    }
}
