package io.parley.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A server span for every application request, continuing the caller's trace when it sends a
 * {@code traceparent}. The span is the request's {@link CurrentTrace} until it ends, so what the
 * request writes to Kafka joins its trace. Health checks and metric scrapes ({@code /q/}) are not traced: they
 * would drown the rest. Spans name no client address, user agent or query string.
 */
@ApplicationScoped
public class HttpServerSpans {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public HttpServerSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.parley.http");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::trace);
    }

    private void trace(RoutingContext routing) {
        String path = routing.normalizedPath();
        if (path.startsWith("/q/")) {
            routing.next();
            return;
        }
        HttpServerRequest request = routing.request();
        Context caller = propagator.extract(Context.root(), request, HEADERS);
        Span span = tracer.spanBuilder(request.method().name())
                .setParent(caller)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, request.method().name())
                .setAttribute(PATH, path)
                .startSpan();
        if (!CurrentTrace.attachToRequest(caller.with(span))) {
            // no request context to keep it in, so nothing could continue this trace
            span.end();
            routing.next();
            return;
        }
        routing.addEndHandler(ended -> {
            int status = routing.response().getStatusCode();
            span.setAttribute(STATUS, (long) status);
            if (status >= 500 || ended.failed()) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
        routing.next();
    }
}
