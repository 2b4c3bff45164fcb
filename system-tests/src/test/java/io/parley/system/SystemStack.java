package io.parley.system;

import io.parley.infra.LocalStack;
import io.parley.infra.Ports;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fresh copy of the whole system for one test class, on free ports, with its files under target/:
 * {@code @RegisterExtension static final SystemStack SYSTEM = new SystemStack(1);}
 */
final class SystemStack implements BeforeAllCallback, AfterAllCallback {

    /**
     * Test traffic comes from one address, as if every reader shared one Tor exit without proof of work,
     * so the per-client limits are lifted; HostileInputIT keeps them.
     */
    static final Map<String, String> MANY_READERS_ON_ONE_ADDRESS = Map.of(
            "PARLEY_INGEST_ABUSE_UNPROVEN_PER_CLIENT_PER_MINUTE", "1000000",
            "PARLEY_INGEST_ABUSE_MAX_PER_POST_PER_MINUTE", "1000000");

    private final int replicas;
    private final Map<String, String> env;
    private LocalStack stack;

    SystemStack(int replicas) {
        this(replicas, MANY_READERS_ON_ONE_ADDRESS);
    }

    /** With extra environment for every service, e.g. to trust X-Forwarded-For as behind the edge proxy. */
    SystemStack(int replicas, Map<String, String> env) {
        this.replicas = replicas;
        this.env = env;
    }

    LocalStack get() {
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = start(replicas, env);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
        }
    }

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
