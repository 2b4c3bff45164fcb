package io.parley.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JVM started by this one, with its output in a log file and its standard input held open so
 * that it can watch for our exit ({@link ParentWatch}).
 */
public final class ChildJvm {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java <jvmArgs> <mainArgs>} with the same Java as this JVM.
     */
    public static ChildJvm start(String name, List<String> jvmArgs, List<String> mainArgs, Map<String, String> env,
                                 Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(env);
            return new ChildJvm(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code condition} holds, failing early with the log's tail if the child dies. */
    public void awaitReady(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + logFile
                        + ":\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException(name + " not ready after " + timeout + "; log " + logFile + ":\n"
                        + logTail());
            }
            sleep(POLL);
        }
    }

    /** Waits for a line of the log that starts with {@code marker} and returns the rest of it. */
    public String awaitLogLine(String marker, Duration timeout) {
        String[] found = new String[1];
        awaitReady(() -> {
            found[0] = findLogLine(marker);
            return found[0] != null;
        }, timeout);
        return found[0];
    }

    private String findLogLine(String marker) {
        try {
            if (!Files.exists(logFile)) {
                return null;
            }
            // The log is appended to across restarts: the newest marker wins.
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith(marker)) {
                    return lines.get(i).substring(marker.length()).trim();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** Asks the child to exit cleanly (end of its input), forcing it after {@code grace}. */
    public void stop(Duration grace) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!waitFor(grace)) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(5))) {
                kill();
            }
        }
    }

    /** {@code kill -9} of the child and everything it started. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
