package io.parley.publish.rest;

import io.parley.support.rest.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

public class InvalidParameterMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e) {
        return Problem.invalid("Invalid " + e.field(), List.of(new Problem.FieldError(e.field(), e.getMessage())))
                .toResponse().build();
    }
}
