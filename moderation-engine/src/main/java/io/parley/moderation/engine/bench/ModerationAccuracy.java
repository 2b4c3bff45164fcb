package io.parley.moderation.engine.bench;

import io.parley.events.Outcome;
import io.parley.moderation.engine.Assessment;
import io.parley.moderation.engine.CommentInput;
import io.parley.moderation.engine.ModerationEngine;
import io.parley.moderation.engine.SecondStage;
import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.Thresholds;
import io.parley.moderation.engine.classify.Featurizer;
import io.parley.moderation.engine.classify.Label;
import io.parley.moderation.engine.classify.LabeledComment;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.classify.Trainer;
import io.parley.moderation.engine.semantic.BgeSmallEncoder;
import io.parley.moderation.engine.semantic.SentenceEncoder;
import io.parley.moderation.engine.signal.CampaignRegistry;
import io.parley.moderation.engine.signal.InMemoryCampaignRegistry;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.engine.signal.SimHash;
import io.parley.moderation.engine.signal.Trust;
import io.parley.moderation.engine.text.Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The moderation accuracy benchmark behind {@code bench/moderation-accuracy}: runs the engine exactly
 * as the service does (same features, rules and default thresholds, with the embedding second stage)
 * on the shared labeled data sets and prints a markdown report, with the n-gram stage alone beside it
 * for comparison. The YouTube DATE column is never read.
 *
 * <p>Arguments: the data sets folder, and the file to write the report to.
 */
public final class ModerationAccuracy {

    private static final String[] VIDEOS = {"Youtube01-Psy", "Youtube02-KatyPerry", "Youtube03-LMFAO",
            "Youtube04-Eminem", "Youtube05-Shakira"};
    private static final int RETRAIN_EVERY = 50;

    private final Path data;
    private final Thresholds thresholds = Thresholds.DEFAULTS;
    private final Featurizer featurizer = new Featurizer(StarterData.terms());
    private final Relevance relevance = new Relevance(StarterData.corpus().stream().map(LabeledComment::body).toList());
    private final Relevance.Document throughputPost = relevance
            .document("A post about music videos, privacy of viewers and how comment sections are moderated.");
    private final SentenceEncoder encoder;
    private final Trainer trainer;
    private final SecondStage secondStage;

    private ModerationAccuracy(Path data, SentenceEncoder encoder) {
        this.data = data;
        this.encoder = encoder;
        SentenceEncoder cached = new CachingEncoder(encoder);
        this.trainer = new Trainer(featurizer, cached);
        this.secondStage = SecondStage.of(() -> cached);
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results/moderation-accuracy.md");
        long before = residentKb();
        long start = System.nanoTime();
        SentenceEncoder encoder = BgeSmallEncoder.shared();
        encoder.encode("the model loads on first use");
        String load = String.format(Locale.ROOT, "| resident memory (VmRSS) before loading the model | %d MB |%n"
                        + "| resident memory after loading it and encoding one comment | %d MB |%n"
                        + "| **cost of the loaded model** | **%d MB** |%n| time to load | %.1f s |%n",
                before / 1024, residentKb() / 1024, (residentKb() - before) / 1024, (System.nanoTime() - start) / 1e9);
        String report = new ModerationAccuracy(data, encoder).run(load);
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println("written to " + out);
    }

    private String run(String load) throws IOException {
        Map<String, List<Row>> videos = new java.util.LinkedHashMap<>();
        for (String video : VIDEOS) {
            videos.put(video, youtube(data.resolve("youtube-spam-collection").resolve(video + ".csv")));
        }
        StringBuilder r = new StringBuilder();
        r.append("# Moderation accuracy (").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(")\n\nData: ").append(data.toAbsolutePath().normalize()).append(". Thresholds: ")
                .append(thresholds).append(". Second stage: ").append(secondStage.spamFrom())
                .append(" ≤ n-gram spam < review threshold (can only hold for review), or n-gram offensive ≥ ")
                .append(secondStage.offensiveFrom()).append(" (rescored).\n\n");
        r.append("## Spam: YouTube Spam Collection, leave one video out\n\n")
                .append("Trained on the starter corpus and four videos, tested on the fifth. ")
                .append("\"auto\" figures count only comments decided without review (spam or rejected vs approved).\n\n")
                .append(Counts.header()).append('\n');
        Counts all = new Counts();
        Counts firstStageOnly = new Counts();
        for (String held : VIDEOS) {
            Counts[] c = leaveOneVideoOut(videos, held);
            all.addAll(c[0]);
            firstStageOnly.addAll(c[1]);
            r.append(c[0].row(held)).append('\n');
        }
        r.append(all.row("**all folds**")).append('\n')
                .append(firstStageOnly.row("all folds, n-gram stage only (same models)")).append("\n\n");

        r.append("## Spam: online, replayed in order with moderator feedback\n\n")
                .append("Starts from the starter corpus alone. Videos interleaved in file order (the data set's ")
                .append("chronological order); every comment sent to review or decided wrongly feeds its true ")
                .append("label back as a moderator would; retrained every ").append(RETRAIN_EVERY)
                .append(" labels. Trust is by author name as the pseudonymous key.\n\n")
                .append(Counts.header().replace("| fold |", "| stretch |")).append('\n');
        r.append(online(videos)).append('\n');

        r.append("## Offensive: ETHOS binary, 10-fold cross-validation\n\n").append(ethos()).append('\n');
        r.append("## Throughput\n\n").append(throughput(videos, load)).append('\n');
        return r.toString();
    }

    /** The counts with the second stage and, from the same models, with the n-gram stage alone. */
    private Counts[] leaveOneVideoOut(Map<String, List<Row>> videos, String held) {
        List<LabeledComment> train = new ArrayList<>(StarterData.corpus());
        CampaignRegistry campaigns = new InMemoryCampaignRegistry();
        for (Map.Entry<String, List<Row>> v : videos.entrySet()) {
            if (!v.getKey().equals(held)) {
                for (Row row : v.getValue()) {
                    train.add(row.labeled());
                    fingerprint(campaigns, row, v.getKey());
                }
            }
        }
        ModelSet models = trainer.train(1, train);
        ModerationEngine engine = new ModerationEngine(thresholds, featurizer, models, relevance, secondStage);
        ModerationEngine firstStage = new ModerationEngine(thresholds, featurizer, models, relevance);
        Counts counts = new Counts();
        Counts firstStageCounts = new Counts();
        for (Row row : videos.get(held)) {
            CommentInput in = CommentInput.of(row.content, row.author, null)
                    .withCampaign(fingerprint(campaigns, row, held));
            counts.add(row.spam, engine.assess(in));
            firstStageCounts.add(row.spam, firstStage.assess(in));
        }
        return new Counts[]{counts, firstStageCounts};
    }

    private String online(Map<String, List<Row>> videos) {
        List<Row> stream = interleave(videos);
        List<LabeledComment> labels = new ArrayList<>(StarterData.corpus());
        int version = 1;
        ModerationEngine engine = new ModerationEngine(thresholds, featurizer, trainer.train(version, labels), relevance,
                secondStage);
        CampaignRegistry campaigns = new InMemoryCampaignRegistry();
        Map<String, long[]> authors = new HashMap<>();
        int pending = 0;
        int quarter = (stream.size() + 3) / 4;
        Counts total = new Counts();
        Counts part = new Counts();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < stream.size(); i++) {
            Row row = stream.get(i);
            long[] record = authors.computeIfAbsent(row.author, k -> new long[2]);
            CommentInput in = CommentInput.of(row.content, row.author, null)
                    .withTrust(Trust.of(record[0], record[1]))
                    .withCampaign(fingerprint(campaigns, row, row.video));
            Assessment a = engine.assess(in);
            part.add(row.spam, a);
            boolean refused = a.outcome() == Outcome.SPAM || a.outcome() == Outcome.REJECTED;
            boolean wrong = refused != row.spam || a.outcome() == Outcome.PENDING;
            boolean finallyApproved = !row.spam;
            record[finallyApproved ? 0 : 1]++;
            if (wrong) {
                labels.add(row.labeled());
                if (++pending >= RETRAIN_EVERY) {
                    pending = 0;
                    engine = new ModerationEngine(thresholds, featurizer, trainer.train(++version, labels), relevance,
                            secondStage);
                }
            }
            if ((i + 1) % quarter == 0 || i == stream.size() - 1) {
                rows.append(part.row("comments " + (i + 1 - part.total() + 1) + "–" + (i + 1))).append('\n');
                total.addAll(part);
                part = new Counts();
            }
        }
        rows.append(total.row("**all**")).append('\n');
        rows.append("\nModerator labels fed back: ").append(labels.size() - StarterData.corpus().size())
                .append(" of ").append(stream.size()).append(" comments; model versions trained: ").append(version)
                .append(".\n");
        return rows.toString();
    }

    /** Each video in its file order, merged by relative position so the videos run side by side. */
    private static List<Row> interleave(Map<String, List<Row>> videos) {
        List<Row> all = new ArrayList<>();
        Map<Row, Double> position = new HashMap<>();
        for (List<Row> rows : videos.values()) {
            for (int i = 0; i < rows.size(); i++) {
                all.add(rows.get(i));
                position.put(rows.get(i), (i + 0.5) / rows.size());
            }
        }
        all.sort((a, b) -> Double.compare(position.get(a), position.get(b)));
        return all;
    }

    private String ethos() throws IOException {
        List<String[]> csv = Csv.read(data.resolve("ethos-hate-speech").resolve("Ethos_Dataset_Binary.csv"), ';');
        List<LabeledComment> rows = new ArrayList<>();
        for (String[] r : csv.subList(1, csv.size())) {
            if (r.length == 2) {
                rows.add(new LabeledComment(r[0], null, null,
                        Double.parseDouble(r[1]) >= 0.5 ? Label.OFFENSIVE : Label.HAM));
            }
        }
        Collections.shuffle(rows, new Random(42));
        int folds = 10;
        OffensiveCounts withSecond = new OffensiveCounts();
        OffensiveCounts firstOnly = new OffensiveCounts();
        for (int f = 0; f < folds; f++) {
            List<LabeledComment> train = new ArrayList<>(StarterData.corpus());
            List<LabeledComment> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                (i % folds == f ? test : train).add(rows.get(i));
            }
            ModelSet models = trainer.train(1, train);
            ModerationEngine engine = new ModerationEngine(thresholds, featurizer, models, relevance, secondStage);
            ModerationEngine firstStage = new ModerationEngine(thresholds, featurizer, models, relevance);
            withSecond.startFold();
            firstOnly.startFold();
            for (LabeledComment c : test) {
                CommentInput in = CommentInput.of(c.body(), "reader", null);
                boolean hate = c.label() == Label.OFFENSIVE;
                withSecond.add(hate, engine.assess(in));
                firstOnly.add(hate, firstStage.assess(in));
            }
        }
        return "| | comments | precision | recall | hate F1 (pooled) | F1 mean ± sd over folds "
                + "| auto-rejected: hate / not hate | second stage |\n|---|---|---|---|---|---|---|---|\n"
                + withSecond.row("with the second stage") + firstOnly.row("n-gram stage only (same models)");
    }

    /** Offensive F1 at score ≥ .5, pooled and per fold, and what was rejected automatically. */
    private static final class OffensiveCounts {
        int tp;
        int fp;
        int fn;
        int total;
        int rejectedHate;
        int rejectedOther;
        int secondStage;
        final List<int[]> folds = new ArrayList<>();

        void startFold() {
            folds.add(new int[3]);
        }

        void add(boolean hate, Assessment a) {
            boolean flagged = a.score("offensive") >= 0.5;
            int[] fold = folds.get(folds.size() - 1);
            total++;
            if (flagged && hate) {
                tp++;
                fold[0]++;
            } else if (flagged) {
                fp++;
                fold[1]++;
            } else if (hate) {
                fn++;
                fold[2]++;
            }
            if (a.outcome() == Outcome.REJECTED) {
                if (hate) {
                    rejectedHate++;
                } else {
                    rejectedOther++;
                }
            }
            if (a.rules().contains("second-stage")) {
                secondStage++;
            }
        }

        String row(String name) {
            double p = (double) tp / Math.max(1, tp + fp);
            double rc = (double) tp / Math.max(1, tp + fn);
            List<Double> f1 = folds.stream().map(c -> 2.0 * c[0] / Math.max(1, 2 * c[0] + c[1] + c[2])).toList();
            double mean = f1.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double sd = Math.sqrt(f1.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0));
            return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f ± %.3f | %d / %d | %.1f%% |%n",
                    name, total, p, rc, 2 * p * rc / Math.max(1e-9, p + rc), mean, sd, rejectedHate, rejectedOther,
                    100.0 * secondStage / Math.max(1, total));
        }
    }

    /**
     * Classifications per second on one thread over the YouTube comments (a realistic mix: mostly
     * confident, some uncertain), with the second stage as the service runs it (no embedding cache),
     * and with the n-gram stage alone. Those models were trained on these very comments, which leaves
     * few of them uncertain; the held-out rows classify each video's comments with the models trained
     * without that video, as in the leave-one-video-out section, so they show the cost on text the models
     * have not seen, with the second stage's own rate on the comments that reach it.
     */
    private String throughput(Map<String, List<Row>> videos, String load) {
        List<LabeledComment> train = new ArrayList<>(StarterData.corpus());
        List<CommentInput> inputs = new ArrayList<>();
        for (List<Row> rows : videos.values()) {
            for (Row row : rows) {
                train.add(row.labeled());
                inputs.add(throughputInput(row));
            }
        }
        ModelSet models = trainer.train(1, train);
        SecondStage uncached = new SecondStage(() -> encoder, secondStage.spamFrom(), secondStage.offensiveFrom());
        ModerationEngine engine = new ModerationEngine(thresholds, featurizer, models, relevance, uncached);
        ModerationEngine firstStage = new ModerationEngine(thresholds, featurizer, models, relevance);
        int uncertain = 0;
        for (CommentInput in : inputs) {
            if (engine.assess(in).rules().contains("second-stage")) {
                uncertain++;
            }
        }
        Rate mix = rate(inputs.stream().map(in -> new Job(engine, in)).toList(), 3, 5);
        Rate ngram = rate(inputs.stream().map(in -> new Job(firstStage, in)).toList(), 3, 5);
        // One held-out engine at a time (six model sets do not fit the heap); the videos' times per
        // comment are weighted by their comment counts, as if the whole mix were cycled.
        double heldOutSeconds = 0;
        int heldOutCount = 0;
        double secondSeconds = 0;
        int secondCount = 0;
        for (String held : videos.keySet()) {
            List<LabeledComment> others = new ArrayList<>(StarterData.corpus());
            videos.forEach((video, rows) -> {
                if (!video.equals(held)) {
                    rows.forEach(row -> others.add(row.labeled()));
                }
            });
            ModerationEngine heldOut = new ModerationEngine(thresholds, featurizer, trainer.train(1, others), relevance,
                    uncached);
            List<Job> jobs = videos.get(held).stream().map(row -> new Job(heldOut, throughputInput(row))).toList();
            List<Job> reaching = jobs.stream()
                    .filter(job -> heldOut.assess(job.input()).rules().contains("second-stage")).toList();
            heldOutSeconds += jobs.size() / rate(jobs, 1, 2).perSecond();
            heldOutCount += jobs.size();
            if (!reaching.isEmpty()) {
                secondSeconds += reaching.size() / rate(reaching, 1, 2).perSecond();
                secondCount += reaching.size();
            }
        }
        return String.format(Locale.ROOT, "| what | classifications/s (one thread) |\n|---|---|\n"
                        + "| full engine with the second stage, YouTube comments (%d of %d = %.1f%% reach the second stage) | **%.0f** |\n"
                        + "| n-gram stage alone (features, both models, rules, relevance), same comments | %.0f |\n"
                        + "| full engine with the second stage, held out: each video's comments with the models trained without that video (%d of %d = %.1f%% reach the second stage) | **%.0f** |\n"
                        + "| second stage's own rate: the held-out engines on only the comments that reach it | %.0f |\n\n"
                        + "(%s; %s. Each after a 3 s warm-up. These two rows use models trained on all these comments, "
                        + "so few of them are uncertain. The held-out rows use the leave-one-video-out models, one video "
                        + "at a time, 2 s each after a 1 s warm-up; their rates come from the videos' times per comment "
                        + "weighted by the videos' sizes.)\n\n"
                        + "Memory of the embedding model, in this JVM (-Xms256m -Xmx256m -XX:+AlwaysPreTouch, SerialGC: "
                        + "the heap is resident from the start, so the difference is the model's native memory, "
                        + "ONNX Runtime and the tokenizer):\n\n| | |\n|---|---|\n%s"
                        + "| resident memory at the end of the benchmark | %d MB |\n",
                uncertain, inputs.size(), 100.0 * uncertain / inputs.size(), mix.perSecond(), ngram.perSecond(),
                secondCount, heldOutCount, 100.0 * secondCount / heldOutCount, heldOutCount / heldOutSeconds,
                secondCount / secondSeconds, mix, ngram, load,
                residentKb() / 1024);
    }

    private CommentInput throughputInput(Row row) {
        return CommentInput.of(row.content, row.author, null).withContext(throughputPost, null);
    }

    /** One classification of the throughput loop: a comment and the engine that judges it. */
    private record Job(ModerationEngine engine, CommentInput input) {
        int run() {
            return engine.assess(input).rules().size();
        }
    }

    private record Rate(int n, double seconds, long checksum) {
        double perSecond() {
            return n / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d classifications in %.1f s, checksum %d", n, seconds, checksum);
        }
    }

    private static Rate rate(List<Job> jobs, int warmupSeconds, int seconds) {
        long sink = 0;
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            sink += jobs.get(i++ % jobs.size()).run();
        }
        int n = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sink += jobs.get(n++ % jobs.size()).run();
        }
        return new Rate(n, (System.nanoTime() - start) / 1e9, sink);
    }

    /** This process's resident memory (VmRSS), in kB; 0 where /proc is not available. */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static io.parley.moderation.engine.signal.Campaign fingerprint(CampaignRegistry campaigns, Row row,
                                                                            String post) {
        java.util.OptionalLong fp = SimHash.of(Text.words(Text.normalize(row.content)));
        return fp.isPresent() ? campaigns.record(fp.getAsLong(), post, row.id) : null;
    }

    private static List<Row> youtube(Path file) throws IOException {
        List<String[]> csv = Csv.read(file, ',');
        String video = file.getFileName().toString().replace(".csv", "");
        // COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS: DATE is deliberately not read (it leaks the label).
        return csv.subList(1, csv.size()).stream()
                .filter(r -> r.length == 5)
                .map(r -> new Row(video + "/" + r[0], video, r[1], r[3], "1".equals(r[4].trim())))
                .collect(Collectors.toList());
    }

    private record Row(String id, String video, String author, String content, boolean spam) {
        LabeledComment labeled() {
            return new LabeledComment(content, author, null, spam ? Label.SPAM : Label.HAM);
        }
    }
}
