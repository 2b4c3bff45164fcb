package io.parley.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and chromedriver for the real-browser tests, installed by the test itself when a
 * machine lacks them (CI machines start without). Plain Java: usable outside Quarkus tests too.
 */
public final class Chromium {

    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";
    /** Headless, and quiet: this machine's network is closed, so no background calls home. */
    public static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic");

    private Chromium() {
    }

    public static synchronized void ensureInstalled() {
        if (Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER))) {
            return;
        }
        if (run("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver") != 0) {
            // a fresh machine has no package lists yet
            run("apt-get", "update");
            if (run("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver") != 0) {
                throw new IllegalStateException("apt-get install chromium chromium-driver failed");
            }
        }
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
