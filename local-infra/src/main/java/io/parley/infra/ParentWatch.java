package io.parley.infra;

import java.io.IOException;
import java.io.InputStream;

/**
 * Makes a child JVM exit, through its normal shutdown hooks, as soon as its parent goes away.
 * The parent keeps the child's standard input open and never writes to it; end of input means the
 * parent closed it or died (even by {@code kill -9}), so no broker, database or service is orphaned.
 * Used directly by the infrastructure mains and as a {@code -javaagent} for the packaged services.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /** Java agent entry point: {@code -javaagent:local-infra.jar}. */
    public static void premain(String agentArgs) {
        startDaemon();
    }

    public static void startDaemon() {
        Thread watcher = new Thread(ParentWatch::awaitEndOfInputThenExit, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    static void awaitEndOfInputThenExit() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, as does end of input
        }
        System.exit(0);
    }
}
