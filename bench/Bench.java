import io.parley.infra.Directories;
import io.parley.infra.LocalStack;
import io.parley.infra.Ports;
import io.parley.infra.PostgresNode;
import io.parley.infra.ServiceNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parley's benchmark: starts a fresh local stack on loopback, runs bounded loads, and prints and writes
 * a markdown table. Run it through bench/run-benchmarks, which builds the classpath.
 * Every load is bounded in time and count; nothing leaves 127.0.0.1.
 */
public class Bench {

    static final Path ROOT = Path.of(System.getProperty("parley.root", ".")).toAbsolutePath().normalize();
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
    static final int DRAIN_POSTS = 1000;
    /** Which parts to run (default all): ceilings, ingest, e2e, reads, drain. */
    static final List<String> PHASES = List.of(System.getProperty("bench.phases",
            "ceilings,ingest,e2e,reads,drain").split(","));
    static final List<String[]> ROWS = new ArrayList<>();
    static final Map<String, long[]> PEAK_RSS = new LinkedHashMap<>();
    /** CPU figures' names for the broker and PostgreSQL, next to the services' names. */
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory(ROOT.resolve("bench"), ".work-");
        // Anti-abuse limits are per client and post; the load comes from one client, so they are lifted here.
        Map<String, String> env = Map.of(
                "PARLEY_INGEST_ABUSE_MAX_PER_POST_PER_MINUTE", "1000000000",
                "PARLEY_INGEST_ABUSE_UNPROVEN_PER_CLIENT_PER_MINUTE", "1000000000",
                "PARLEY_INGEST_ABUSE_FLOOD_PER_POST_PER_MINUTE", "1000000000",
                "QUARKUS_LOG_LEVEL", "WARN");
        LocalStack stack = new LocalStack(new LocalStack.Options(ROOT, work, Ports.free(), Ports.free(), Ports.free(),
                6, 1, Ports.free(), Ports.free(), Ports.free(), env));
        System.out.println("starting the stack in " + work + " ...");
        stack.start();
        boolean done = false;
        try {
            run(stack, work);
            done = true;
        } finally {
            stack.close();
        }
        // The broker's and PostgreSQL's files are over half a gigabyte a run; a failed run's stay for its logs.
        if (done) {
            Directories.deleteRecursively(work);
        }
    }

    static void run(LocalStack stack, Path work) throws Exception {
        String ingest = stack.service(LocalStack.INGEST).url();
        String publish = stack.service(LocalStack.PUBLISH).url();
        Thread.sleep(3000);
        recordRss(stack, "idle");

        if (PHASES.contains("ceilings")) {
            // The framework on the same stack, and the broker with its own producer tool. The JVM is warmed
            // first: a cold one measured a third to a half lower.
            h2load(64, publish + "/q/health/live", 5);
            Load ceiling = h2load(64, publish + "/q/health/live", SECONDS);
            row("Quarkus ceiling: GET /q/health/live, c64", ceiling.rps, "req/s", ceiling.p50, ceiling.p99,
                    ceiling.caveats());
            row("Kafka ceiling: producer-perf-test, 1 KB, acks=all", kafkaCeiling(stack), "msg/s", "", "", "");
        }

        // 1. Ingest.
        Path post = writeLua(work);
        if (PHASES.contains("ingest")) {
            wrk(64, ingest + "/api/v1/comments", post, 5); // unmeasured, so the JIT has compiled the path
        }
        for (int c : PHASES.contains("ingest") ? new int[]{16, 64} : new int[0]) {
            Map<String, Long> cpu = cpuMillis(stack);
            Load w = wrk(c, ingest + "/api/v1/comments", post);
            row("Ingest: POST /api/v1/comments (202 after acks=all), c" + c, w.rps, "comments/s", w.p50, w.p99,
                    note(w.caveats(), cpuPer("request", cpu, stack, w.requests, LocalStack.INGEST)));
            recordRss(stack, "load");
        }
        if (PHASES.contains("ingest")) {
            // Ingest's own capacity: the same load with moderation and publish stopped, so they do not share
            // the two cores with it; they consume the comments after they start again.
            List<ServiceNode> consumers = consumers(stack);
            consumers.forEach(ServiceNode::stop);
            Map<String, Long> cpu = cpuMillis(stack);
            Load alone = wrk(64, ingest + "/api/v1/comments", post);
            row("Ingest alone (moderation and publish stopped), c64", alone.rps, "comments/s", alone.p50, alone.p99,
                    note(alone.caveats(), cpuPer("request", cpu, stack, alone.requests, LocalStack.INGEST)));
            recordRss(stack, "load");
            consumers.forEach(ServiceNode::start);
        }

        // 2. End to end at fixed rates, each starting with the consumers caught up: otherwise the comments
        // of the ingest phase are still queued ahead and the figure measures that backlog.
        for (int rate : PHASES.contains("e2e") ? new int[]{200, 1000} : new int[0]) {
            // First 5 s unmeasured at the same rate: the services are still compiling the paths that paced
            // single requests take (the ingest phase sent comments in bulk). In one run, measured cold, p99
            // at 200/s was 308 ms; measured right after, 77 ms.
            awaitConsumersCaughtUp(stack);
            endToEnd(stack, rate, 5);
            awaitConsumersCaughtUp(stack);
            awaitQuietMachine();
            Map<String, Long> cpu = cpuMillis(stack);
            List<Long> latencies = endToEnd(stack, rate, 10);
            // endToEnd returns once every accepted comment is published, so all three services' work is in.
            row("End to end: submit → visible in publish, " + rate + "/s", latencies.size(), "comments",
                    ms(pct(latencies, 50)), ms(pct(latencies, 99)), note("p95 " + ms(pct(latencies, 95)),
                            cpuPer("comment", cpu, stack, latencies.size(), LocalStack.INGEST,
                                    LocalStack.MODERATION, LocalStack.PUBLISH, KAFKA, POSTGRES)));
            recordRss(stack, "load");
        }

        if (PHASES.contains("reads")) {
            reads(stack, publish);
        }
        if (PHASES.contains("drain")) {
            Drain drain = backlogDrain(stack);
            row("Backlog drain: " + BACKLOG + " comments already on the topic, from moderation's start",
                    drain.overall(), "comments/s", "", "", "includes starting moderation");
            row("Backlog drain: the same, first decision to last publication", drain.steady(), "comments/s", "", "",
                    note("steady rate once running", drain.cpu()));
            recordRss(stack, "load");
        }
        for (Map.Entry<String, long[]> rss : PEAK_RSS.entrySet()) {
            row("Memory: " + rss.getKey() + " resident (idle / peak)", rss.getValue()[1] / 1024, "MB peak",
                    "", "", "idle " + rss.getValue()[0] / 1024 + " MB; peak: the processes' high-water mark (VmHWM)");
        }
        report();
    }

    static void reads(LocalStack stack, String publish) throws Exception {
        String thread = seedThread(stack, 200);
        String page = publish + "/api/v1/posts/" + thread + "/comments?limit=50";
        h2load(64, page, 5); // unmeasured, as for ingest: publish's one C2 thread compiles the path meanwhile
        awaitQuietMachine();
        Map<String, Long> cpu = cpuMillis(stack);
        Load reads = h2load(64, page, SECONDS);
        row("Publish: page of 50 from a 200-comment thread, c64", reads.rps, "req/s", reads.p50, reads.p99,
                note(reads.caveats(), cpuPer("request", cpu, stack, reads.requests, LocalStack.PUBLISH,
                        LocalStack.MODERATION, POSTGRES)));
        StringBuilder counts = new StringBuilder(publish + "/api/v1/counts?postId=" + thread);
        for (int i = 1; i < 20; i++) {
            counts.append("&postId=bench-count-").append(i);
        }
        h2load(64, counts.toString(), 5);
        awaitQuietMachine();
        cpu = cpuMillis(stack);
        Load count = h2load(64, counts.toString(), SECONDS);
        row("Publish: counts for 20 posts, c64", count.rps, "req/s", count.p50, count.p99,
                note(count.caveats(), cpuPer("request", cpu, stack, count.requests, LocalStack.PUBLISH,
                        LocalStack.MODERATION, POSTGRES)));
        recordRss(stack, "load");
    }

    // --- loads -------------------------------------------------------------------------------------

    /**
     * One closed-loop load. {@code connectionSeconds} is what its connections had ({@code connections ×
     * duration}); their requests' latencies cannot add up to more, so a run whose figures do is flagged
     * instead of reported as if it were right.
     */
    record Load(double rps, long requests, String p50, String p99, long errors, double latencySeconds,
                double connectionSeconds) {
        String caveats() {
            String consistency = latencySeconds > 1.1 * connectionSeconds
                    ? String.format("latencies inconsistent: %,.0f s of latency in %,.0f connection-seconds",
                            latencySeconds, connectionSeconds)
                    : "";
            return note(errors == 0 ? "" : errors + " non-2xx", consistency);
        }
    }

    /**
     * GET loads come from h2load (HTTP/1.1, one thread), whose log has every request's duration. wrk with
     * two threads reported, for the 17 KB page of 50, a p99 of 0.7-3.2 s at a 3-6 ms median: 20-45 times
     * more latency than 64 connections hold in 15 s. h2load's figures add up and measured 32-35k req/s
     * on a quiet machine where wrk measured 9-23k.
     */
    static Load h2load(int connections, String url, int seconds) throws Exception {
        Path log = Files.createTempFile("h2load", ".log");
        try {
            String out = run(List.of("h2load", "--h1", "-t1", "-c" + connections, "-D" + seconds,
                    "--log-file=" + log, url));
            List<Long> micros = new ArrayList<>();
            long notOk = 0;
            long latency = 0;
            try (var lines = Files.lines(log)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    String[] fields = line.split("\t");
                    if (!fields[1].startsWith("2")) {
                        notOk++;
                    }
                    long duration = Long.parseLong(fields[2]);
                    micros.add(duration);
                    latency += duration;
                }
            }
            Collections.sort(micros);
            double elapsed = Double.parseDouble(find(out, "finished in ([\\d.]+)s", "0"));
            // The summary's failures and the log's non-2xx responses can be the same requests: count the larger.
            long errors = Math.max(notOk, Long.parseLong(find(out, "(\\d+) failed", "0")));
            return new Load(micros.size() / elapsed, micros.size(), ms(pct(micros, 50)), ms(pct(micros, 99)), errors,
                    latency / 1e6, connections * elapsed);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** POST loads, whose every request needs a body of its own: wrk with a Lua script. */
    static Load wrk(int connections, String url, Path script) throws Exception {
        return wrk(connections, url, script, SECONDS);
    }

    static Load wrk(int connections, String url, Path script, int seconds) throws Exception {
        String out = run(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "--latency", "-s", script.toString(), url));
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)", "0"));
        long errors = Long.parseLong(find(out, "Non-2xx or 3xx responses: (\\d+)", "0"))
                + Long.parseLong(find(out, "Socket errors: connect \\d+, read \\d+, write \\d+, timeout (\\d+)", "0"));
        long requests = Long.parseLong(find(out, "(\\d+) requests in", "0"));
        double elapsed = Double.parseDouble(find(out, "requests in ([\\d.]+)s", "0"));
        double meanMillis = millis(find(out, "Latency\\s+([\\d.]+\\w+)", "0ms"));
        return new Load(rps, requests, find(out, "\\s50%\\s+([\\d.]+\\w+)", "?"), find(out, "\\s99%\\s+([\\d.]+\\w+)", "?"),
                errors, requests * meanMillis / 1000, connections * elapsed);
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    /** wrk's duration, such as 812.00us, 3.21ms or 1.84s, in milliseconds. */
    static double millis(String duration) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(duration);
        if (!m.matches()) {
            return 0;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static final String[] OPENINGS = {"I tried", "Has anyone tested", "Thanks for explaining", "I still do not get",
            "We rolled out", "My library switched to", "Could you write more about", "I disagree with the part on",
            "Our school uses", "After reading this I checked", "Is there a guide for", "Great to see progress on"};
    private static final String[] TOPICS = {"bridges", "onion services", "the new circuit display", "snowflake proxies",
            "relay bandwidth", "the security slider", "letterboxing", "guard rotation", "exit policies",
            "the censorship circumvention settings", "meek", "vanguards", "DNS over the network", "the Android build",
            "download verification", "the release signing keys", "browser fingerprinting", "obfs4"};
    private static final String[] CONTEXTS = {"on a slow mobile connection", "behind a university firewall",
            "on an old laptop", "in a country that blocks the public relays", "for a small newsroom",
            "with a screen reader", "on Tails", "inside a virtual machine", "on a shared family computer",
            "for our local library workshop", "while travelling", "on a metered connection"};
    private static final String[] ENDINGS = {"and it worked after a restart.", "but the connection kept dropping.",
            "and would like to know the trade-offs.", "and the documentation helped a lot.",
            "but I am not sure it is safe.", "and it was faster than last year.", "so thank you for the work.",
            "and I wonder how others handle it.", "but the settings page confused me.",
            "and I could not reproduce the problem."};

    /** A distinct, plausible reader comment: load that is all one text would be one spam campaign. */
    static String comment(int i) {
        java.util.Random random = new java.util.Random(i * 2654435761L);
        return OPENINGS[random.nextInt(OPENINGS.length)] + " " + TOPICS[random.nextInt(TOPICS.length)] + " "
                + CONTEXTS[random.nextInt(CONTEXTS.length)] + " " + ENDINGS[random.nextInt(ENDINGS.length)]
                + " (" + TOPICS[random.nextInt(TOPICS.length)] + ", " + CONTEXTS[random.nextInt(CONTEXTS.length)]
                + ", note " + i + ")";
    }

    /**
     * A post's text as a blog registers it: sixteen HTML paragraphs, about 8 KB, the length of a release
     * announcement on the Tor blog. Distinct per post.
     */
    static String postText(int post) {
        java.util.Random random = new java.util.Random(post * 40503L + 7);
        StringBuilder text = new StringBuilder();
        for (int paragraph = 0; paragraph < 16; paragraph++) {
            text.append("<p>");
            for (int sentence = 0; sentence < 6; sentence++) {
                text.append("This release changes ").append(TOPICS[random.nextInt(TOPICS.length)]).append(' ')
                        .append(CONTEXTS[random.nextInt(CONTEXTS.length)]).append(", ")
                        .append(ENDINGS[random.nextInt(ENDINGS.length)]).append(' ');
            }
            text.append("</p>\\n");
        }
        return text.toString();
    }

    static Path writeLua(Path work) throws IOException {
        Path script = work.resolve("post-comment.lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                local n = 0
                local topics = {"bridges", "onion services", "snowflake proxies", "relay bandwidth", "letterboxing",
                  "guard rotation", "exit policies", "meek", "vanguards", "obfs4", "the Android build"}
                local places = {"on a slow mobile connection", "behind a university firewall", "on an old laptop",
                  "for a small newsroom", "with a screen reader", "on Tails", "while travelling"}
                local endings = {"and it worked after a restart.", "but the connection kept dropping.",
                  "and the documentation helped a lot.", "so thank you for the work.", "but the settings confused me."}
                request = function()
                  n = n + 1
                  local body = '{"postId":"bench-ingest-' .. (n % 500) .. '","author":{"name":"Reader"},'
                    .. '"body":"I tried ' .. topics[math.random(#topics)] .. ' ' .. places[math.random(#places)] .. ' '
                    .. endings[math.random(#endings)] .. ' Note ' .. n .. '."}'
                  return wrk.format(nil, nil, nil, body)
                end
                """);
        return script;
    }

    /** Submits at a fixed rate; latency = publish's commit time minus ingest's submission time, both in the DB. */
    static List<Long> endToEnd(LocalStack stack, int rate, int seconds) throws Exception {
        // Each submission is stamped by ingest and by publish's commit in the same clock; their difference
        // is the time until a reader could see the comment.
        String run = "bench-e2e-" + rate + "-" + UUID.randomUUID().toString().substring(0, 6);
        URI uri = URI.create(stack.service(LocalStack.INGEST).url() + "/api/v1/comments");
        List<String> answers = postAtRate(uri, rate, rate * seconds, i -> "{\"postId\":\"" + run + "-" + (i % 50)
                + "\",\"author\":{\"name\":\"Reader\"},\"body\":\"" + comment(i) + "\"}");
        // What did not get its 202, by status code or exception: under overload the answer is 503, or the
        // client gives up connecting.
        Map<String, Long> outcomes = answers.stream()
                .collect(Collectors.groupingBy(outcome -> outcome, TreeMap::new, Collectors.counting()));
        long accepted = outcomes.getOrDefault("202", 0L);
        if (accepted < answers.size()) {
            System.out.printf("  end to end at %d/s: %d of %d submissions not accepted: %s%n", rate,
                    answers.size() - accepted, answers.size(), outcomes);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Long> latencies = List.of();
        while (System.nanoTime() < deadline) {
            latencies = queryLongs(stack.postgres(), "publish",
                    "select extract(epoch from (updated_at - submitted_at)) * 1000000 from published_comment"
                            + " where post_id like '" + run + "-%'");
            if (latencies.size() >= accepted) {
                break;
            }
            Thread.sleep(500);
        }
        Collections.sort(latencies);
        List<Long> visible = queryLongs(stack.postgres(), "publish",
                "select count(*) from published_comment where visible and post_id like '" + run + "-%'");
        System.out.printf("  end to end at %d/s: %d decided and applied, %d of them visible%n", rate,
                latencies.size(), visible.get(0));
        return latencies;
    }

    /**
     * Posts {@code total} JSON bodies at a fixed rate and returns each answer's status code (or exception
     * name), in order. Blocking sockets on keep-alive connections, one request in flight on each: Java's
     * HttpClient spent up to 0.9 of a core here to send 200 requests a second, CPU the services under test
     * then lacked. Each worker owns every {@code workers}-th slot of the schedule; one that falls behind
     * sends late rather than skipping, and latency is measured from ingest's stamp anyway.
     */
    static List<String> postAtRate(URI uri, int rate, int total, IntFunction<String> body) throws Exception {
        int workers = Math.max(8, rate / 16);
        String[] answers = new String[total];
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 20_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            int first = w;
            pool.execute(() -> {
                KeepAliveConnection connection = null;
                for (int i = first; i < total; i += workers) {
                    LockSupport.parkNanos(start + i * period - System.nanoTime());
                    try {
                        connection = connection != null ? connection : new KeepAliveConnection(uri);
                        answers[i] = Integer.toString(connection.postJson(body.apply(i)));
                    } catch (IOException e) {
                        answers[i] = e.getClass().getSimpleName();
                        KeepAliveConnection.closeQuietly(connection);
                        connection = null;
                    }
                }
                KeepAliveConnection.closeQuietly(connection);
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(total / rate + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("submissions did not finish");
        }
        return Arrays.asList(answers);
    }

    /** Just enough HTTP/1.1 to post JSON on a kept-alive connection and read the status. */
    static final class KeepAliveConnection implements AutoCloseable {
        private final Socket socket;
        private final String head;
        private final OutputStream out;
        private final InputStream in;

        KeepAliveConnection(URI uri) throws IOException {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: ";
            out = new BufferedOutputStream(socket.getOutputStream());
            in = new BufferedInputStream(socket.getInputStream());
        }

        int postJson(String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            out.write((head + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, Math.max(header.indexOf(':'), 0)).trim().toLowerCase();
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(), 16); size > 0; size = Long.parseLong(line(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; left--) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed");
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        static void closeQuietly(KeepAliveConnection connection) {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }

    /**
     * Approved decisions straight onto the decisions topic, as moderation writes them: comments posted
     * through ingest without a form token or proof of work are held by moderation, which left the
     * thread this measures empty.
     */
    static String seedThread(LocalStack stack, int comments) throws Exception {
        String post = "bench-read-" + UUID.randomUUID().toString().substring(0, 6);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            Instant start = Instant.now();
            for (int i = 0; i < comments; i++) {
                String at = start.plusMillis(i).toString();
                producer.send(new ProducerRecord<>("parley.decisions.v1", post, """
                        {"schemaVersion":1,"commentId":"%s","version":1,"postId":"%s","parentId":null,\
                        "outcome":"approved","author":{"name":"Reader %d","url":"https://reader%d.example"},\
                        "body":"Thread comment %d: *onion services* and [relays](https://example.org/%d)",\
                        "submittedAt":"%s","decidedAt":"%s"}"""
                        .formatted(UUID.randomUUID(), post, i, i, i, i, at, at)));
            }
            producer.flush();
        }
        waitForRows(stack, "select count(*) from published_comment where visible and post_id = '" + post + "'",
                comments, 120);
        return post;
    }

    /**
     * Stops moderation, puts the backlog on the topic, starts it again and times the drain: from its start
     * (its JVM's start included), and from its first decision to publish's last publication. Publish keeps
     * running, as it has nothing to consume while moderation is down: restarted with moderation, its slower
     * start (C2 only) left a backlog of decisions it then caught up on in large batches, so that the first
     * publication came late and a window measured from it overstated the pipeline's rate: 2,647/s in one run
     * whose decisions took 53 s, 1,873/s.
     */
    record Drain(double overall, double steady, String cpu) {
    }

    static Drain backlogDrain(LocalStack stack) throws Exception {
        String run = "bench-drain-" + UUID.randomUUID().toString().substring(0, 6);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        List<ServiceNode> moderation = stack.instances(LocalStack.MODERATION).toList();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            String now = Instant.now().toString();
            // The posts are registered with their text, as a blog does, and stored before the backlog goes
            // on: every comment is then judged against the text of its post, as in production.
            for (int p = 0; p < DRAIN_POSTS; p++) {
                String postId = run + "-" + p;
                producer.send(new ProducerRecord<>("parley.posts.v1", postId, """
                        {"schemaVersion":1,"postId":"%s","title":"Release notes %d","url":null,"text":"%s",\
                        "commentsOpen":true,"updatedAt":"%s"}""".formatted(postId, p, postText(p), now)));
            }
            producer.flush();
            waitForRows(stack, "moderation", "select count(*) from post where id like '" + run + "-%'", DRAIN_POSTS,
                    120, 500);
            recordRss(stack, "load");
            moderation.forEach(ServiceNode::stop);
            for (int i = 0; i < BACKLOG; i++) {
                String postId = run + "-" + (i % DRAIN_POSTS);
                producer.send(new ProducerRecord<>("parley.comments.v1", postId, """
                        {"type":"comment.submitted","schemaVersion":1,"commentId":"%s","version":1,"postId":"%s",\
                        "parentId":null,"author":{"name":"Reader %d","email":null,"url":null},\
                        "body":"%s","occurredAt":"%s"}"""
                        .formatted(UUID.randomUUID(), postId, i, comment(BACKLOG + i), now)));
            }
            producer.flush();
        }
        long started = System.nanoTime();
        moderation.forEach(ServiceNode::start);
        Map<String, Long> cpu = cpuMillis(stack);
        long[] machine = machineCpuTicks();
        String published = "from published_comment where post_id like '" + run + "-%'";
        // Each count scans the table, so the drain is polled less often than a seeded thread: at 0.5 s the
        // polling took as much of PostgreSQL as the publish service's comment inserts.
        waitForRows(stack, "publish", "select count(*) " + published, BACKLOG, 900, 2000);
        double overall = BACKLOG / ((System.nanoTime() - started) / 1e9);
        String cpuUsed = note(String.format("machine CPU %.0f%% busy", machineBusyPercent(machine)),
                cpuPer("comment", cpu, stack, BACKLOG, LocalStack.MODERATION, LocalStack.PUBLISH, KAFKA, POSTGRES)
                        + " (once moderation was ready)");
        double firstDecision = queryLongs(stack.postgres(), "moderation", """
                select 1000 * extract(epoch from min(d.decided_at)) from decision d join comment c on c.id = d.comment_id
                where c.post_id like '%s-%%'""".formatted(run)).get(0) / 1000.0;
        double lastPublication = queryLongs(stack.postgres(), "publish",
                "select 1000 * extract(epoch from max(updated_at)) " + published).get(0) / 1000.0;
        return new Drain(overall, BACKLOG / Math.max(lastPublication - firstDecision, 0.001), cpuUsed);
    }

    static double kafkaCeiling(LocalStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                (Object) stack.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("bench-ceiling", 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String classpath = System.getProperty("java.class.path");
        String out = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance", "--topic", "bench-ceiling",
                "--num-records", "200000", "--record-size", "1024", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + stack.kafka().bootstrapServers(), "acks=all"));
        return Double.parseDouble(find(out, "records sent, ([\\d.]+) records/sec", "0"));
    }

    // --- measurements ----------------------------------------------------------------------------

    /**
     * Idle: the resident size now. Peak: the kernel's high-water mark (VmHWM) of every process the service
     * ran as, read before it stops. Resident sizes read between phases missed the peaks inside them: publish's
     * reached 299 MB during the reads while the reading after them said 271.
     */
    static void recordRss(LocalStack stack, String phase) throws IOException {
        for (ServiceNode service : stack.services()) {
            long pid = service.pid();
            if (pid <= 0) {
                continue;
            }
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            long[] values = PEAK_RSS.computeIfAbsent(service.name(), k -> new long[2]);
            if (phase.equals("idle")) {
                values[0] = Long.parseLong(find(status, "VmRSS:\\s+(\\d+)", "0"));
            }
            values[1] = Math.max(values[1], Long.parseLong(find(status, "VmHWM:\\s+(\\d+)", "0")));
        }
    }

    static List<ServiceNode> consumers(LocalStack stack) {
        List<ServiceNode> consumers = new ArrayList<>();
        stack.instances(LocalStack.MODERATION).forEach(consumers::add);
        stack.instances(LocalStack.PUBLISH).forEach(consumers::add);
        return consumers;
    }

    /** Waits until moderation and publish have consumed everything on their topics (lag 0), at most 15 minutes. */
    static void awaitConsumersCaughtUp(LocalStack stack) throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                long lag = 0;
                for (String group : List.of("moderation-service", "publish-service")) {
                    var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                            tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                    for (var entry : committed.entrySet()) {
                        lag += latest.get(entry.getKey()).offset() - entry.getValue().offset();
                    }
                }
                if (lag == 0) {
                    return;
                }
                System.out.printf("  waiting for the consumers to catch up: %,d events behind%n", lag);
                Thread.sleep(5000);
            }
        }
        throw new IllegalStateException("the consumers did not catch up within 15 minutes");
    }

    static void waitForRows(LocalStack stack, String countQuery, long expected, int seconds) throws Exception {
        waitForRows(stack, "publish", countQuery, expected, seconds, 500);
    }

    static void waitForRows(LocalStack stack, String database, String countQuery, long expected, int seconds,
                            long pollMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            List<Long> count = queryLongs(stack.postgres(), database, countQuery);
            if (!count.isEmpty() && count.get(0) >= expected) {
                return;
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("timed out waiting for " + expected + " rows: " + countQuery);
    }

    static List<Long> queryLongs(PostgresNode postgres, String database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database),
                PostgresNode.user(database), PostgresNode.password(database));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add((long) rows.getDouble(1));
            }
            return values;
        }
    }

    static long pct(List<Long> sorted, int percentile) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static String ms(long micros) {
        return micros < 0 ? "?" : String.format("%.1fms", micros / 1000.0);
    }

    // --- CPU -----------------------------------------------------------------------------------------

    /** CPU time (user and system) each running service has used so far, in milliseconds. */
    static Map<String, Long> cpuMillis(LocalStack stack) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String name : List.of(LocalStack.INGEST, LocalStack.MODERATION, LocalStack.PUBLISH)) {
            long pid = stack.service(name).pid();
            if (pid > 0) {
                ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                        .ifPresent(used -> cpu.put(name, used.toMillis()));
            }
        }
        // The broker is the JVM running KafkaBrokerMain; PostgreSQL is its server and connection processes
        // (a connection that closes between two readings takes its CPU time with it).
        cpu.put(KAFKA, cpuOf(process -> commandLine(process).contains("io.parley.infra.KafkaBrokerMain")));
        cpu.put(POSTGRES, cpuOf(process -> process.info().command().map(command -> command.endsWith("/postgres"))
                .orElse(false)));
        return cpu;
    }

    /**
     * Waits, at most 60 s, for a second in which the machine is under 15% busy: a phase leaves work behind
     * it (compilation, PostgreSQL's clean-up after 100,000 new rows) that would otherwise be measured as part
     * of the next one.
     */
    static void awaitQuietMachine() throws Exception {
        long started = System.nanoTime();
        double busy = 100;
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
            long[] before = machineCpuTicks();
            Thread.sleep(1000);
            busy = machineBusyPercent(before);
            if (busy < 15) {
                break;
            }
        }
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        if (waited > 1) {
            System.out.printf("  waited %d s for the machine to go quiet (last second: %.0f%% busy)%n", waited, busy);
        }
    }

    /** Busy and total CPU ticks of the whole machine so far, from /proc/stat. */
    static long[] machineCpuTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle and iowait
        return new long[]{total - idle, total};
    }

    static double machineBusyPercent(long[] since) throws IOException {
        long[] now = machineCpuTicks();
        return 100.0 * (now[0] - since[0]) / Math.max(1, now[1] - since[1]);
    }

    /** Read from /proc: the JDK's own view of a command line this long can come back empty. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static long cpuOf(java.util.function.Predicate<ProcessHandle> which) {
        return ProcessHandle.allProcesses().filter(which)
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
    }

    /** "CPU ms per comment: ingest 0.21, moderation 0.93": what the named services used since {@code before}. */
    static String cpuPer(String unit, Map<String, Long> before, LocalStack stack, long count, String... services) {
        if (count <= 0) {
            return "";
        }
        Map<String, Long> after = cpuMillis(stack);
        List<String> parts = new ArrayList<>();
        for (String name : services) {
            if (before.containsKey(name) && after.containsKey(name)) {
                parts.add(String.format("%s %.3f", name, (after.get(name) - before.get(name)) / (double) count));
            }
        }
        return parts.isEmpty() ? "" : "CPU ms per " + unit + ": " + String.join(", ", parts);
    }

    static String note(String... parts) {
        return String.join("; ", Arrays.stream(parts).filter(part -> !part.isEmpty()).toList());
    }

    static String find(String text, String regex, String fallback) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : fallback;
    }

    static void row(String what, double value, String unit, String p50, String p99, String note) {
        String figure = value == Math.rint(value) ? String.format("%,.0f", value) : String.format("%,.1f", value);
        ROWS.add(new String[]{what, figure + " " + unit, p50, p99, note});
        System.out.printf("%-70s %18s  p50 %-9s p99 %-9s %s%n", what, figure + " " + unit, p50, p99, note);
    }

    static void report() throws IOException {
        StringBuilder md = new StringBuilder("# Parley benchmark, " + LocalDate.now() + "\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("; Java ").append(System.getProperty("java.version"))
                .append("; Quarkus 3.37.1; Kafka 4.3.1 broker (KRaft, one node); PostgreSQL 18 (embedded binaries).\n")
                .append("Everything on one machine over loopback; load from h2load (GET), wrk (POST) and a JVM pacer; ")
                .append(SECONDS).append(" s per load.\n\n");
        md.append("| measurement | figure | p50 | p99 | note |\n|---|---|---|---|---|\n");
        for (String[] row : ROWS) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        String parts = System.getProperty("bench.phases", "").isBlank() || PHASES.size() == 5 ? ""
                : "-" + String.join("-", PHASES);
        Path file = ROOT.resolve("bench/results/" + LocalDate.now() + parts + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        System.out.println("\nwritten to " + ROOT.relativize(file));
    }
}
