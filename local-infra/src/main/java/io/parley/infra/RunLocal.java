package io.parley.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: the whole system on this machine until Ctrl-C or SIGTERM, with its data
 * kept in {@code .parley/} between runs.
 *
 * <pre>
 *   --fresh          wipe .parley/ first
 *   --replicas N     N instances each of moderation and publish (default 1)
 * </pre>
 * Ports come from PARLEY_KAFKA_PORT (19092; the controller uses the next one) and PARLEY_POSTGRES_PORT
 * (15432), chosen not to collide with a system Kafka (9092) or PostgreSQL (5432).
 */
public final class RunLocal {

    private RunLocal() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        boolean fresh = false;
        int replicas = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--fresh" -> fresh = true;
                case "--replicas" -> replicas = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; use --fresh, --replicas N");
                    System.exit(2);
                }
            }
        }
        Path dataDir = root.resolve(".parley");
        if (fresh) {
            Directories.deleteRecursively(dataDir);
        }
        int kafkaPort = envInt("PARLEY_KAFKA_PORT", 19092);
        LocalStack.Options options = new LocalStack.Options(root, dataDir, kafkaPort, kafkaPort + 1,
                envInt("PARLEY_POSTGRES_PORT", 15432), envInt("PARLEY_PARTITIONS", 6), replicas, 8081, 8082, 8083,
                Map.of());
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Parley...");
            stack.close();
            stopped.countDown();
        }, "stop-parley"));

        long started = System.nanoTime();
        System.out.println("Starting Kafka, PostgreSQL and the services (data in " + dataDir + ")...");
        stack.start();
        System.out.printf("%nParley is running (ready in %.1f s). Ctrl-C stops everything.%n%n",
                (System.nanoTime() - started) / 1e9);
        System.out.printf("  Kafka        %s%n", stack.kafka().bootstrapServers());
        System.out.printf("  PostgreSQL   localhost:%d  (databases ingest, moderation, publish; user = password = parley_<db>)%n",
                stack.postgres().port());
        for (ServiceNode service : stack.services()) {
            System.out.printf("  %-12s %s   health %s/q/health/ready   OpenAPI %s/q/openapi   log %s%n",
                    service.name(), service.url(), service.url(), service.url(), root.relativize(service.logFile()));
        }
        System.out.printf("%n  Blog API key (PUT /api/v1/posts/...): %s%n", stack.secrets().get(LocalSecrets.BLOG_API_KEY));
        System.out.printf("  Moderator console: %s/ (user admin, password %s)%n",
                stack.service(LocalStack.MODERATION).url(), stack.secrets().get(LocalSecrets.ADMIN_PASSWORD));
        System.out.printf("  Demo blog post:    %s/demo/%n", stack.service(LocalStack.PUBLISH).url());
        System.out.println("""

                Try it:
                  curl -si -H 'Content-Type: application/json' http://127.0.0.1:8081/api/v1/comments \\
                    -d '{"postId":"hello-world","author":{"name":"Ada"},"body":"First!"}'
                  curl -s http://127.0.0.1:8083/api/v1/posts/hello-world/comments
                """);
        stopped.await();
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
