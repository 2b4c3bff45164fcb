package io.parley.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared real broker and, when the {@code database} argument
 * names one, at that service's own PostgreSQL database.
 */
public class KafkaAndPostgres implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infra = SharedInfrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
            config.put("quarkus.datasource.username", io.parley.infra.PostgresNode.user(database));
            config.put("quarkus.datasource.password", io.parley.infra.PostgresNode.password(database));
        }
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped by SharedInfrastructure at exit
    }
}
