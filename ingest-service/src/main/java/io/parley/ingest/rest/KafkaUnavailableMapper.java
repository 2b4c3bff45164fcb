package io.parley.ingest.rest;

import io.parley.ingest.config.IngestConfig;
import io.parley.ingest.messaging.EventNotWrittenException;
import io.parley.support.rest.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A comment Kafka did not acknowledge was not accepted: 503 and a hint when to try again. */
public class KafkaUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(KafkaUnavailableMapper.class);

    private final IngestConfig config;

    public KafkaUnavailableMapper(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response unavailable(EventNotWrittenException e) {
        LOG.warnf("comment refused, not written to Kafka: %s", e.getMessage());
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable",
                        "The comment could not be stored right now and was not accepted; please send it again.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, config.retryAfter().toSeconds())
                .build();
    }
}
