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

    static LocalStack start(int replicas) {
        Path root = Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
        try {
            Path dataDir = Files.createTempDirectory(root.resolve("system-tests/target"), "stack-");
            return new LocalStack(new LocalStack.Options(root, dataDir, Ports.free(), Ports.free(), Ports.free(),
                    4, replicas, Ports.free(), Ports.free(), Ports.free(), Map.of())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
