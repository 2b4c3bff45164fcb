package io.parley.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;

/**
 * The trace context work belongs to. OpenTelemetry keeps its current context in a thread-local, but
 * Quarkus handles one HTTP request on the event loop and then on a worker thread, so a request's
 * span is kept on the request's own (duplicated) Vert.x context as well, which follows it to the
 * worker. (A context storage provider would do this for every caller, but OpenTelemetry looks it up
 * in its own class loader, which in Quarkus tests does not see this module.)
 */
public final class CurrentTrace {

    private static final String KEY = CurrentTrace.class.getName();

    private CurrentTrace() {
    }

    /** The thread's current context when it has a span, else that of the request being handled. */
    public static Context context() {
        Context thread = Context.current();
        if (Span.fromContext(thread).getSpanContext().isValid()) {
            return thread;
        }
        io.vertx.core.Context vertx = Vertx.currentContext();
        if (vertx != null && VertxContext.isDuplicatedContext(vertx)) {
            Context request = vertx.getLocal(KEY);
            if (request != null) {
                return request;
            }
        }
        return thread;
    }

    /** Keeps the context for the rest of the request; returns false outside a request's own context. */
    static boolean attachToRequest(Context context) {
        io.vertx.core.Context vertx = Vertx.currentContext();
        if (vertx == null || !VertxContext.isDuplicatedContext(vertx)) {
            return false;
        }
        vertx.putLocal(KEY, context);
        return true;
    }
}
