package io.parley.testsupport;

import io.parley.events.Topics;
import io.parley.infra.KafkaNode;
import io.parley.infra.Ports;
import io.parley.infra.PostgresNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, started on first use (in parallel,
 * on free ports) and stopped when the JVM exits. Starting them once per JVM instead of per test
 * class keeps a module's suite to a few seconds of infrastructure start-up.
 */
public final class SharedInfrastructure {

    public static final List<String> DATABASES = List.of("ingest", "moderation", "publish");
    private static final int PARTITIONS = 3;
    private static SharedInfrastructure instance;

    private final KafkaNode kafka;
    private final PostgresNode postgres;

    private SharedInfrastructure(KafkaNode kafka, PostgresNode postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            Path dir = newDataDir();
            KafkaNode kafka = new KafkaNode(dir.resolve("kafka"), Ports.free(), Ports.free(), PARTITIONS, Topics.ALL,
                    Topics.COMPACTED, Topics.KEPT_FOREVER);
            PostgresNode postgres = new PostgresNode(dir.resolve("postgres"), Ports.free(), DATABASES);
            CompletableFuture<KafkaNode> kafkaStarted = CompletableFuture.supplyAsync(kafka::start);
            CompletableFuture<PostgresNode> postgresStarted = CompletableFuture.supplyAsync(postgres::start);
            CompletableFuture.allOf(kafkaStarted, postgresStarted).join();
            instance = new SharedInfrastructure(kafka, postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                postgres.stop();
            }, "stop-test-infrastructure"));
        }
        return instance;
    }

    public KafkaNode kafka() {
        return kafka;
    }

    public PostgresNode postgres() {
        return postgres;
    }

    private static Path newDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "test-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
