package io.parley.support.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.util.Optional;

/**
 * Tracing settings under OpenTelemetry's own names, so the standard environment variables
 * ({@code OTEL_SERVICE_NAME}, {@code OTEL_EXPORTER_OTLP_ENDPOINT}) configure it.
 */
@ConfigMapping(prefix = "otel")
public interface TracingConfig {

    /** The {@code service.name} of every span this service records. */
    @WithName("service.name")
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /**
     * Base address of an OTLP/HTTP collector (for example {@code http://collector:4318}); spans are
     * posted to its {@code /v1/traces}. Without it, trace context still travels in headers but
     * nothing is exported.
     */
    @WithName("exporter.otlp.endpoint")
    Optional<URI> exporterOtlpEndpoint();
}
