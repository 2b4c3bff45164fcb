package io.parley.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath of the infrastructure child JVMs: this module's classes plus its runtime
 * dependencies, as written by the build into {@code infra.classpath}. Modules that start the
 * children exclude those dependencies from their own classpath (they would clash with the Quarkus
 * BOM), so the list has to travel as data.
 */
final class InfraClasspath {

    private InfraClasspath() {
    }

    static String get() {
        return ownLocation() + java.io.File.pathSeparator + dependencies();
    }

    /** This module's jar, or its classes folder before packaging. */
    static Path ownLocation() {
        try {
            return Path.of(InfraClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dependencies() {
        try (InputStream in = InfraClasspath.class.getResourceAsStream("infra.classpath")) {
            if (in == null) {
                throw new IllegalStateException("infra.classpath missing: build local-infra with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
