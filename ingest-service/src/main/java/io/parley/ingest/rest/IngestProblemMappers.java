package io.parley.ingest.rest;

import io.parley.ingest.config.IngestConfig;
import io.parley.ingest.messaging.EventNotWrittenException;
import io.parley.ingest.service.CommentRefusedException;
import io.parley.ingest.service.RateLimitedException;
import io.parley.support.rest.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Ingest's refusals as problem documents; a comment Kafka did not acknowledge was not accepted. */
public class IngestProblemMappers {

    private static final Logger LOG = Logger.getLogger(IngestProblemMappers.class);

    private final IngestConfig config;

    public IngestProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response refused(CommentRefusedException e) {
        Response.ResponseBuilder response = e.toProblem().toResponse();
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited",
                        "Too many comments right now; please retry after " + e.retryAfter().toSeconds() + " seconds.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response unavailable(EventNotWrittenException e) {
        LOG.warnf("request refused, not written to Kafka: %s", e.getMessage());
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable",
                        "It could not be stored right now and was not accepted; please send it again.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, config.retryAfter().toSeconds())
                .build();
    }
}
