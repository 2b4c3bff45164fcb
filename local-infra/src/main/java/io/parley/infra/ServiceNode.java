package io.parley.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code target/quarkus-app}) running in a child JVM. */
public final class ServiceNode {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /**
     * Aimed at 300 MB resident per service on a 2-core machine (bench/run-benchmarks measures it, and
     * README gives the latest peaks): class metadata alone is ~100 MB and
     * live data 40-60 MB, so the serial collector gets a 128 MB heap (96 MB would cost a fifth of the
     * drain rate). Keeping less of the heap free saved 10-20 MB but doubled the full
     * collections, which stall a service for 80-220 ms.
     * What the JIT's compilations and the JDK free goes back to the OS every 2 s instead of staying in
     * glibc's free lists (~15-35 MB after load), and a thread caches at most 256 KB of the temporary direct
     * buffers socket reads into heap buffers use (Kafka's fetches otherwise leave ~20 MB cached).
     */
    static final List<String> MEMORY_FLAGS = memoryFlags(Runtime.version());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path runnerJar;
    private final int httpPort;
    private final Map<String, String> env;
    private final List<String> jvmFlags;
    private final Path logFile;
    private ChildJvm jvm;

    /** {@code jvmFlags} come after the {@link #MEMORY_FLAGS} every service gets. */
    public ServiceNode(String name, Path moduleDir, int httpPort, Map<String, String> env, List<String> jvmFlags,
                       Path logFile) {
        this.name = name;
        this.runnerJar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        this.httpPort = httpPort;
        this.env = Map.copyOf(env);
        this.jvmFlags = List.copyOf(jvmFlags);
        this.logFile = logFile;
    }

    /** Starts the service and waits until {@code /q/health/ready} answers 200. */
    public synchronized ServiceNode start() {
        if (!Files.exists(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: package the services first (./mvnw package)");
        }
        List<String> jvmArgs = new ArrayList<>();
        Path infraJar = InfraClasspath.ownLocation();
        if (infraJar.toString().endsWith(".jar")) {
            jvmArgs.add("-javaagent:" + infraJar); // ParentWatch: the service exits with us
        }
        jvmArgs.addAll(MEMORY_FLAGS);
        jvmArgs.addAll(jvmFlags);
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2"); // glibc would keep 8 arenas per core
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        environment.putIfAbsent("QUARKUS_HTTP_HOST", "127.0.0.1");
        jvm = ChildJvm.start(name, jvmArgs, List.of("-jar", runnerJar.toString()), environment, logFile);
        jvm.awaitReady(this::isReady, STARTUP_TIMEOUT);
        return this;
    }

    static List<String> memoryFlags(Runtime.Version java) {
        List<String> flags = new ArrayList<>(List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djdk.nio.maxCachedBufferSize=262144"));
        // The periodic trim exists from 17.0.9 and 21.0.1 on; older JVMs would refuse to start with it.
        boolean trims = java.feature() >= 22 || (java.feature() == 21 && java.update() >= 1)
                || (java.feature() == 17 && java.update() >= 9);
        if (trims) {
            flags.add("-XX:TrimNativeHeapInterval=2000");
        }
        return flags;
    }

    public boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int port() {
        return httpPort;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    public synchronized long pid() {
        return jvm == null ? -1 : jvm.pid();
    }

    public synchronized void stop() {
        if (jvm != null) {
            jvm.stop(Duration.ofSeconds(20));
            jvm = null;
        }
    }

    /** Simulates a crash: {@code kill -9}. */
    public synchronized void kill() {
        if (jvm != null) {
            jvm.kill();
            jvm = null;
        }
    }
}
