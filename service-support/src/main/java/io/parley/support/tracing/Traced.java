package io.parley.support.tracing;

import io.opentelemetry.context.Context;

/** A value with the trace context it belongs to, so that sending it on continues that trace. */
public record Traced<T>(T value, Context context) {
}
