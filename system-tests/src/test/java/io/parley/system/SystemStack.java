package io.parley.system;

import io.parley.infra.LocalStack;
import io.parley.infra.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fresh copy of the whole system for one test class, on free ports, with its files under target/. */
final class SystemStack {

    private SystemStack() {
    }

    /**
     * Test traffic comes from one address, as if every reader shared one Tor exit without proof of work,
     * so the per-client limits are lifted; HostileInputIT keeps them.
     */
    static final Map<String, String> MANY_READERS_ON_ONE_ADDRESS = Map.of(
            "PARLEY_INGEST_ABUSE_UNPROVEN_PER_CLIENT_PER_MINUTE", "1000000",
            "PARLEY_INGEST_ABUSE_MAX_PER_POST_PER_MINUTE", "1000000");

    static LocalStack start(int replicas) {
        return start(replicas, MANY_READERS_ON_ONE_ADDRESS);
    }

    /** With extra environment for every service, e.g. to trust X-Forwarded-For as behind the edge proxy. */
    static LocalStack start(int replicas, Map<String, String> env) {
        Path root = Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
        try {
            Path dataDir = Files.createTempDirectory(root.resolve("system-tests/target"), "stack-");
            return new LocalStack(new LocalStack.Options(root, dataDir, Ports.free(), Ports.free(), Ports.free(),
                    4, replicas, Ports.free(), Ports.free(), Ports.free(), env)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
