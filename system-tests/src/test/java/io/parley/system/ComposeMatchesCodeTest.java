package io.parley.system;

import io.parley.infra.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the code instead: every
 * variable it sets is a configuration property the service really reads, every Dockerfile and
 * health path exists, and the scaled services publish no fixed host ports.
 */
class ComposeMatchesCodeTest {

    private static final Path ROOT = Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();

    /**
     * Runtime properties of Quarkus extensions the compose file sets. They are not declared in the
     * project's own code; each is checked against the extension the service's pom must declare.
     */
    private static final Map<String, String> EXTENSION_PROPERTIES = Map.of(
            "kafka.bootstrap.servers", "quarkus-messaging-kafka",
            "quarkus.datasource.jdbc.url", "quarkus-jdbc-postgresql",
            "quarkus.datasource.username", "quarkus-jdbc-postgresql",
            "quarkus.datasource.password", "quarkus-jdbc-postgresql",
            "quarkus.http.port", "quarkus-rest",
            "quarkus.http.proxy.proxy-address-forwarding", "quarkus-rest",
            "quarkus.http.proxy.allow-x-forwarded", "quarkus-rest",
            "quarkus.http.auth.session.encryption-key", "quarkus-security",
            "quarkus.log.console.json.enabled", "quarkus-logging-json");

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
    private static final Pattern MAPPING_METHOD = Pattern.compile("^\\s+[\\w<>,.? ]+\\s(\\w+)\\(\\);$");
    private static final Pattern NESTED_INTERFACE = Pattern.compile("interface (\\w+) \\{");

    @SuppressWarnings("unchecked")
    private static final Map<String, Object> COMPOSE = (Map<String, Object>) load(ROOT.resolve("docker-compose.yml"));

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "moderation", "publish"})
    void everyEnvironmentVariableIsARealConfigurationProperty(String name) {
        Map<String, Object> environment = environment(service(name));
        Set<String> known = propertiesOf(name);
        String pom = read(ROOT.resolve(name + "-service/pom.xml"));
        for (String variable : environment.keySet()) {
            boolean declared = known.stream().anyMatch(p -> envName(p).equals(variable));
            boolean fromExtension = EXTENSION_PROPERTIES.entrySet().stream()
                    .anyMatch(e -> envName(e.getKey()).equals(variable) && pom.contains(e.getValue()));
            assertThat(declared || fromExtension)
                    .as("%s-service: %s maps to no configuration property", name, variable).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "moderation", "publish"})
    void dockerfileExistsAndRunsTheServiceUnprivilegedWithAHealthCheck(String name) {
        Map<String, Object> build = map(service(name).get("build"));
        assertThat(build.get("context")).isEqualTo(".");
        Path dockerfile = ROOT.resolve((String) build.get("dockerfile"));
        assertThat(dockerfile).exists();
        String text = read(dockerfile);
        assertThat(text).contains(name + "-service/target/quarkus-app").contains("USER 185")
                .contains("HEALTHCHECK").contains("/q/health/ready").contains("QUARKUS_HTTP_PORT=8080");
    }

    /** The JIT flags decide whether a service stays under 300 MB, so a container runs with the local stack's. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest", "moderation", "publish"})
    void dockerfileCompilesWithTheLocalStacksJitFlags(String name) {
        String dockerfile = read(ROOT.resolve(name + "-service/src/main/docker/Dockerfile.jvm"));
        Matcher options = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(options.find()).as("%s-service's Dockerfile sets JAVA_OPTS_APPEND", name).isTrue();
        List<String> jitFlags = Stream.of(options.group(1).split("\\s+"))
                .filter(flag -> flag.matches("-XX:(TieredStopAtLevel=\\d|[+-]TieredCompilation|CICompilerCount=\\d+)"))
                .toList();
        assertThat(jitFlags).containsExactlyInAnyOrderElementsOf(LocalStack.jvmFlags(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "moderation", "publish"})
    void healthCheckUsesTheServicesReadinessEndpointOnItsPort(String name) {
        Map<String, Object> defaults = map(COMPOSE.get("x-service-defaults"));
        List<String> test = list(map(defaults.get("healthcheck")).get("test"));
        assertThat(String.join(" ", test)).contains("http://localhost:8080/q/health/ready");
        assertThat(read(ROOT.resolve(name + "-service/pom.xml"))).contains("quarkus-smallrye-health");
        assertThat(service(name).get("healthcheck")).as("inherits the shared health check").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "moderation", "publish"})
    void scaledServicesPublishNoFixedHostPorts(String name) {
        assertThat(service(name)).doesNotContainKey("ports");
        assertThat(map(service(name).get("depends_on"))).containsKeys("kafka-topics", "postgres");
    }

    @Test
    void edgeProxyRoutesToServicesThatExist() {
        String nginx = read(ROOT.resolve("deploy/compose/nginx.conf"));
        Matcher upstream = Pattern.compile("http://([a-z-]+):(\\d+)").matcher(nginx);
        int found = 0;
        while (upstream.find()) {
            assertThat(services()).containsKey(upstream.group(1));
            assertThat(upstream.group(2)).isEqualTo("8080");
            found++;
        }
        assertThat(found).isEqualTo(3);
        assertThat(ROOT.resolve("deploy/compose/init-databases.sh")).exists();
    }

    @Test
    void everyTopicTheCodeNeedsIsCreated() {
        String command = String.join("\n", list(map(services().get("kafka-topics")).get("command")));
        for (String topic : io.parley.events.Topics.ALL) {
            assertThat(command).contains(topic);
        }
        String oneLine = command.replace("\\\n", " ").replaceAll("\\s+", " ");
        assertThat(oneLine).contains("--topic parley.posts.v1 --partitions $$PARTITIONS --config cleanup.policy=compact")
                .contains("--topic parley.decisions.v1 --partitions $$PARTITIONS --config retention.ms=-1");
    }

    @Test
    void secretsComeFromTheEnvironmentAndAreDocumented() {
        String example = read(ROOT.resolve(".env.example"));
        Matcher reference = Pattern.compile("\\$\\{([A-Z_]+)[:?}]").matcher(read(ROOT.resolve("docker-compose.yml")));
        while (reference.find()) {
            if (!reference.group(1).equals("PARLEY_PARTITIONS")) {
                assertThat(example).as(".env.example documents " + reference.group(1)).contains(reference.group(1) + "=");
            }
        }
        assertThat(read(ROOT.resolve(".gitignore"))).contains(".env");
    }

    /** Property names a service declares: application.properties keys and typed configuration. */
    static Set<String> propertiesOf(String name) {
        Set<String> properties = new HashSet<>();
        String config = read(ROOT.resolve(name + "-service/src/main/resources/application.properties"));
        for (String line : config.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                properties.add(line.substring(0, line.indexOf('=')).strip().replaceFirst("^%[\\w-]+\\.", ""));
            }
        }
        // variables the configuration reads by name, as in parley.moderation.admin-password=${PARLEY_ADMIN_PASSWORD:}
        Matcher reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)").matcher(config);
        while (reference.find()) {
            properties.add(reference.group(1));
        }
        try (Stream<Path> sources = Stream.concat(Files.walk(ROOT.resolve(name + "-service/src/main/java")),
                Files.walk(ROOT.resolve("service-support/src/main/java")))) {
            sources.filter(p -> p.toString().endsWith(".java")).map(ComposeMatchesCodeTest::read).forEach(source -> {
                Matcher property = CONFIG_PROPERTY.matcher(source);
                while (property.find()) {
                    properties.add(property.group(1));
                }
                Matcher mapping = CONFIG_MAPPING.matcher(source);
                if (mapping.find()) {
                    properties.addAll(mappingProperties(mapping.group(1), source));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * prefix.method-name for each method; methods after a nested interface's declaration belong to it
     * (prefix.nested-name.method-name), which is how the project writes its mappings.
     */
    private static Set<String> mappingProperties(String prefix, String source) {
        Set<String> properties = new HashSet<>();
        String group = "";
        for (String line : source.split("\n")) {
            Matcher nested = NESTED_INTERFACE.matcher(line);
            if (line.startsWith("    ") && nested.find()) {
                group = kebab(nested.group(1)) + ".";
            }
            Matcher method = MAPPING_METHOD.matcher(line);
            if (method.find()) {
                properties.add(prefix + "." + group + kebab(method.group(1)));
            }
        }
        return properties;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The MicroProfile Config rule: every non-alphanumeric character becomes _, then upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> services() {
        return map(COMPOSE.get("services"));
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(services().get(name + "-service"));
        assertThat(service).as(name + "-service in docker-compose.yml").isNotNull();
        // the YAML merge key (<<: *service-defaults) is resolved by the parser
        return service;
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return map(service.get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }

    private static Object load(Path file) {
        return new Yaml().load(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
