package io.parley.infra;

import io.parley.events.Topics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole system on one machine: a Kafka broker, one PostgreSQL server with a database per
 * service, and the three packaged services, with {@code replicas} instances each of moderation and
 * publish sharing their consumer groups. Used by {@code ./run-local.sh} and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

    public static final String INGEST = "ingest";
    public static final String MODERATION = "moderation";
    public static final String PUBLISH = "publish";
    /** Instance i (from 0) of a scaled service listens on its base port plus this times i. */
    public static final int REPLICA_PORT_STEP = 100;

    /**
     * @param root       the project's root folder (where the service modules are)
     * @param dataDir    where the broker, the database and the logs keep their files
     * @param partitions partitions per topic: the ceiling on useful consumer instances
     */
    public record Options(Path root, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
                          int partitions, int replicas, int ingestPort, int moderationPort, int publishPort,
                          Map<String, String> extraEnv) {
    }

    private final Options options;
    private final LocalSecrets secrets;
    private final KafkaNode kafka;
    private final PostgresNode postgres;
    private final List<ServiceNode> services = new ArrayList<>();

    public LocalStack(Options options) {
        this.options = options;
        this.secrets = LocalSecrets.loadOrCreate(options.dataDir());
        this.kafka = new KafkaNode(options.dataDir().resolve("kafka"), options.kafkaPort(),
                options.kafkaControllerPort(), options.partitions(), Topics.ALL, Topics.COMPACTED,
                Topics.KEPT_FOREVER);
        this.postgres = new PostgresNode(options.dataDir().resolve("postgres"), options.postgresPort(),
                List.of(INGEST, MODERATION, PUBLISH));
        services.add(service(INGEST, 0, options.ingestPort()));
        for (int i = 0; i < options.replicas(); i++) {
            services.add(service(MODERATION, i, options.moderationPort()));
            services.add(service(PUBLISH, i, options.publishPort()));
        }
    }

    /** Starts the infrastructure, then every service, each step in parallel; returns when all are ready. */
    public LocalStack start() {
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(kafka::start),
                    CompletableFuture.runAsync(postgres::start)).join();
            CompletableFuture.allOf(services.stream()
                    .map(service -> CompletableFuture.runAsync(service::start))
                    .toArray(CompletableFuture[]::new)).join();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ServiceNode service(String name, int instance, int basePort) {
        String id = instance == 0 ? name : name + "-" + (instance + 1);
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(name),
                "QUARKUS_DATASOURCE_USERNAME", PostgresNode.user(name),
                "QUARKUS_DATASOURCE_PASSWORD", PostgresNode.password(name)));
        env.putAll(wiring());
        env.putAll(options.extraEnv());
        return new ServiceNode(id, options.root().resolve(name + "-service"), basePort + REPLICA_PORT_STEP * instance,
                env, jvmFlags(name), options.dataDir().resolve("logs").resolve(id + ".log"));
    }

    /**
     * The JIT's memory kept moderation and publish above 300 MB resident under load; the Dockerfiles use the
     * same flags (checked by ComposeMatchesCodeTest). Figures from bench/run-benchmarks, 2026-11-23:
     * <ul>
     *   <li>Moderation compiles with C1 only: 284-293 MB instead of 322-353. Its time goes to Kafka, JDBC and
     *   Hibernate; the drain lost about a tenth (2,026 against 2,238 comments/s, three alternating runs each).
     *   C2 alone was faster in the drain but left paths uncompiled at 200/s (end-to-end p99 129 ms).</li>
     *   <li>Publish compiles with C2 only, on one compiler thread: its page reads kept their speed (C1 alone
     *   doubled their CPU) and its peak fell from 304-324 MB to 271-301.</li>
     * </ul>
     */
    public static List<String> jvmFlags(String service) {
        return switch (service) {
            case MODERATION -> List.of("-XX:TieredStopAtLevel=1");
            case PUBLISH -> List.of("-XX:-TieredCompilation", "-XX:CICompilerCount=1");
            default -> List.of();
        };
    }

    /** How the services find each other and the shared secrets; every service ignores what it does not use. */
    private Map<String, String> wiring() {
        String ingestUrl = "http://127.0.0.1:" + options.ingestPort();
        String blogOrigin = "http://127.0.0.1:" + options.publishPort();
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : LocalSecrets.NAMES) {
            env.put(name, secrets.get(name));
        }
        env.put("PARLEY_INGEST_BLOG_ORIGINS", blogOrigin + ",http://localhost:" + options.publishPort());
        env.put("PARLEY_PUBLISH_INGEST_URL", ingestUrl);
        env.put("PARLEY_PUBLISH_ALLOWED_ORIGINS", blogOrigin + ",http://localhost:" + options.publishPort());
        env.put("PARLEY_PUBLISH_DEMO_ENABLED", "true");
        return env;
    }

    public LocalSecrets secrets() {
        return secrets;
    }

    public KafkaNode kafka() {
        return kafka;
    }

    public PostgresNode postgres() {
        return postgres;
    }

    public List<ServiceNode> services() {
        return List.copyOf(services);
    }

    /** The first instance of a service. */
    public ServiceNode service(String name) {
        return instances(name).findFirst().orElseThrow();
    }

    public Stream<ServiceNode> instances(String name) {
        return services.stream().filter(s -> s.name().equals(name) || s.name().startsWith(name + "-"));
    }

    @Override
    public void close() {
        CompletableFuture.allOf(services.stream()
                .map(service -> CompletableFuture.runAsync(service::stop))
                .toArray(CompletableFuture[]::new)).join();
        CompletableFuture.allOf(CompletableFuture.runAsync(kafka::stop),
                CompletableFuture.runAsync(postgres::stop)).join();
    }
}
