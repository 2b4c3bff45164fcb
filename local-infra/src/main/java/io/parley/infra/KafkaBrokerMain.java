package io.parley.infra;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the broker's child JVM: {@code dataDir port controllerPort partitions topic...};
 * a topic named with the suffix {@value #COMPACTED_SUFFIX} is created compacted, one with
 * {@value #KEPT_FOREVER_SUFFIX} without retention limit.
 * Prints {@value KafkaNode#READY_MARKER} once the broker answers and the topics exist.
 */
public final class KafkaBrokerMain {

    static final String COMPACTED_SUFFIX = ":compact";
    static final String KEPT_FOREVER_SUFFIX = ":keep";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        int partitions = Integer.parseInt(args[3]);
        List<String> topics = Arrays.asList(args).subList(4, args.length);

        ParentWatch.startDaemon();
        Path config = writeConfig(dataDir, port, controllerPort, partitions);
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            int formatted = StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString(), "--ignore-formatted"}, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + formatted);
            }
        }
        // kafka.Kafka blocks until shutdown and installs the hook that stops the broker cleanly on exit.
        Thread broker = new Thread(() -> kafka.Kafka.main(new String[]{config.toString()}), "kafka-main");
        broker.start();
        createTopics("localhost:" + port, topics, partitions);
        System.out.println(KafkaNode.READY_MARKER + " localhost:" + port);
        System.out.flush();
        broker.join();
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort, int partitions) throws IOException {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDir.resolve("logs").toString()),
                Map.entry("num.partitions", Integer.toString(partitions)),
                // Topics are created on purpose (by this launcher or by ops), never by a typo.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.retention.hours", "168")));
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "written by Parley's local-infra; edits are overwritten");
        }
        return file;
    }

    private static void createTopics(String bootstrap, List<String> topics, int partitions) throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
            for (String spec : topics) {
                String topic = spec.replace(COMPACTED_SUFFIX, "").replace(KEPT_FOREVER_SUFFIX, "");
                NewTopic newTopic = new NewTopic(topic, partitions, (short) 1);
                if (spec.endsWith(COMPACTED_SUFFIX)) {
                    newTopic.configs(Map.of("cleanup.policy", "compact"));
                } else if (spec.endsWith(KEPT_FOREVER_SUFFIX)) {
                    newTopic.configs(Map.of("retention.ms", "-1"));
                }
                try {
                    admin.createTopics(List.of(newTopic)).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("broker did not come up", e);
        }
    }
}
