package io.parley.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single-node Apache Kafka broker (KRaft, broker and controller in one) in a child JVM.
 * Its data survives {@link #stop()} and {@link #kill()}, so it can be started again on the same
 * ports with the same topics and offsets, as after a crash.
 */
public final class KafkaNode {

    static final String READY_MARKER = "PARLEY-KAFKA-READY";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final List<String> topics;
    private final List<String> compactedTopics;
    private final List<String> keptForever;
    private ChildJvm jvm;

    /**
     * @param topics          topics to create, with {@code partitions} partitions each
     * @param compactedTopics those of {@code topics} that keep only the newest record per key
     * @param keptForever     those of {@code topics} kept without retention limit
     */
    public KafkaNode(Path dataDir, int port, int controllerPort, int partitions, List<String> topics,
                     List<String> compactedTopics, List<String> keptForever) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.topics = List.copyOf(topics);
        this.compactedTopics = List.copyOf(compactedTopics);
        this.keptForever = List.copyOf(keptForever);
    }

    /** Starts the broker (formatting its storage on first use), creates the topics and waits until it serves. */
    public synchronized KafkaNode start() {
        List<String> args = new ArrayList<>(List.of("-cp", InfraClasspath.get(), KafkaBrokerMain.class.getName(),
                dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort),
                Integer.toString(partitions)));
        for (String topic : topics) {
            args.add(topic + (compactedTopics.contains(topic) ? KafkaBrokerMain.COMPACTED_SUFFIX
                    : keptForever.contains(topic) ? KafkaBrokerMain.KEPT_FOREVER_SUFFIX : ""));
        }
        jvm = ChildJvm.start("kafka", List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC"),
                args, Map.of(), dataDir.resolve("kafka.log"));
        jvm.awaitLogLine(READY_MARKER, STARTUP_TIMEOUT);
        return this;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (jvm != null) {
            jvm.stop(Duration.ofSeconds(30));
            jvm = null;
        }
    }

    /** Simulates a crash: {@code kill -9}, no clean shutdown. */
    public synchronized void kill() {
        if (jvm != null) {
            jvm.kill();
            jvm = null;
        }
    }

    public synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    public Path logFile() {
        return dataDir.resolve("kafka.log");
    }
}
