package io.parley.moderation.engine.bench;

import io.parley.events.Outcome;
import io.parley.moderation.engine.Assessment;
import io.parley.moderation.engine.CommentInput;
import io.parley.moderation.engine.ModerationEngine;
import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.Thresholds;
import io.parley.moderation.engine.classify.Featurizer;
import io.parley.moderation.engine.classify.Label;
import io.parley.moderation.engine.classify.LabeledComment;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.classify.Trainer;
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
 * as the service does (same features, rules and default thresholds) on the shared labeled data sets
 * and prints a markdown report. The YouTube DATE column is never read.
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
    private final Trainer trainer = new Trainer(featurizer);
    private final Relevance relevance = new Relevance(StarterData.corpus().stream().map(LabeledComment::body).toList());

    private ModerationAccuracy(Path data) {
        this.data = data;
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results/moderation-accuracy.md");
        String report = new ModerationAccuracy(data).run();
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println("written to " + out);
    }

    private String run() throws IOException {
        Map<String, List<Row>> videos = new java.util.LinkedHashMap<>();
        for (String video : VIDEOS) {
            videos.put(video, youtube(data.resolve("youtube-spam-collection").resolve(video + ".csv")));
        }
        StringBuilder r = new StringBuilder();
        r.append("# Moderation accuracy (").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(")\n\nData: ").append(data.toAbsolutePath().normalize()).append(". Thresholds: ")
                .append(thresholds).append(".\n\n");
        r.append("## Spam: YouTube Spam Collection, leave one video out\n\n")
                .append("Trained on the starter corpus and four videos, tested on the fifth. ")
                .append("\"auto\" figures count only comments decided without review (spam or rejected vs approved).\n\n")
                .append(Counts.header()).append('\n');
        Counts all = new Counts();
        for (String held : VIDEOS) {
            Counts c = leaveOneVideoOut(videos, held);
            all.addAll(c);
            r.append(c.row(held)).append('\n');
        }
        r.append(all.row("**all folds**")).append("\n\n");

        r.append("## Spam: online, replayed in order with moderator feedback\n\n")
                .append("Starts from the starter corpus alone. Videos interleaved in file order (the data set's ")
                .append("chronological order); every comment sent to review or decided wrongly feeds its true ")
                .append("label back as a moderator would; retrained every ").append(RETRAIN_EVERY)
                .append(" labels. Trust is by author name as the pseudonymous key.\n\n")
                .append(Counts.header().replace("| fold |", "| stretch |")).append('\n');
        r.append(online(videos)).append('\n');

        r.append("## Offensive: ETHOS binary, 10-fold cross-validation\n\n").append(ethos()).append('\n');
        r.append("## Throughput\n\n").append(throughput(videos)).append('\n');
        return r.toString();
    }

    private Counts leaveOneVideoOut(Map<String, List<Row>> videos, String held) {
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
        ModerationEngine engine = new ModerationEngine(thresholds, featurizer, trainer.train(1, train), relevance);
        Counts counts = new Counts();
        for (Row row : videos.get(held)) {
            CommentInput in = CommentInput.of(row.content, row.author, null)
                    .withCampaign(fingerprint(campaigns, row, held));
            Assessment a = engine.assess(in);
            counts.add(row.spam, a.outcome(), a.score("spam"), 0.5);
        }
        return counts;
    }

    private String online(Map<String, List<Row>> videos) {
        List<Row> stream = interleave(videos);
        List<LabeledComment> labels = new ArrayList<>(StarterData.corpus());
        int version = 1;
        ModerationEngine engine = new ModerationEngine(thresholds, featurizer, trainer.train(version, labels), relevance);
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
            part.add(row.spam, a.outcome(), a.score("spam"), 0.5);
            boolean refused = a.outcome() == Outcome.SPAM || a.outcome() == Outcome.REJECTED;
            boolean wrong = refused != row.spam || a.outcome() == Outcome.PENDING;
            boolean finallyApproved = !row.spam;
            record[finallyApproved ? 0 : 1]++;
            if (wrong) {
                labels.add(row.labeled());
                if (++pending >= RETRAIN_EVERY) {
                    pending = 0;
                    engine = new ModerationEngine(thresholds, featurizer, trainer.train(++version, labels), relevance);
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
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int rejectedTp = 0;
        int rejectedFp = 0;
        List<Double> foldF1 = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<LabeledComment> train = new ArrayList<>(StarterData.corpus());
            List<LabeledComment> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                (i % folds == f ? test : train).add(rows.get(i));
            }
            ModerationEngine engine = new ModerationEngine(thresholds, featurizer, trainer.train(1, train), relevance);
            int ftp = 0;
            int ffp = 0;
            int ffn = 0;
            for (LabeledComment c : test) {
                Assessment a = engine.assess(CommentInput.of(c.body(), "reader", null));
                boolean flagged = a.score("offensive") >= 0.5;
                boolean hate = c.label() == Label.OFFENSIVE;
                if (flagged && hate) {
                    ftp++;
                } else if (flagged) {
                    ffp++;
                } else if (hate) {
                    ffn++;
                }
                if (a.outcome() == Outcome.REJECTED) {
                    if (hate) {
                        rejectedTp++;
                    } else {
                        rejectedFp++;
                    }
                }
            }
            tp += ftp;
            fp += ffp;
            fn += ffn;
            foldF1.add(2.0 * ftp / Math.max(1, 2 * ftp + ffp + ffn));
        }
        double p = (double) tp / Math.max(1, tp + fp);
        double rc = (double) tp / Math.max(1, tp + fn);
        double mean = foldF1.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sd = Math.sqrt(foldF1.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0));
        return String.format(Locale.ROOT, "| comments | precision | recall | hate F1 (pooled) | F1 mean ± sd over folds "
                        + "| auto-rejected: hate / not hate |\n|---|---|---|---|---|---|\n"
                        + "| %d | %.3f | %.3f | %.3f | %.3f ± %.3f | %d / %d |\n",
                rows.size(), p, rc, 2 * p * rc / Math.max(1e-9, p + rc), mean, sd, rejectedTp, rejectedFp);
    }

    private String throughput(Map<String, List<Row>> videos) {
        List<LabeledComment> train = new ArrayList<>(StarterData.corpus());
        List<CommentInput> inputs = new ArrayList<>();
        String post = "A post about music videos, privacy of viewers and how comment sections are moderated.";
        for (List<Row> rows : videos.values()) {
            for (Row row : rows) {
                train.add(row.labeled());
                inputs.add(CommentInput.of(row.content, row.author, null).withContext(post, null));
            }
        }
        ModelSet models = trainer.train(1, train);
        ModerationEngine engine = new ModerationEngine(thresholds, featurizer, models, relevance);
        long sink = 0;
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            sink += engine.assess(inputs.get(i++ % inputs.size())).rules().size();
        }
        int n = 0;
        long start = System.nanoTime();
        long end = start + 5_000_000_000L;
        while (System.nanoTime() < end) {
            sink += engine.assess(inputs.get(n++ % inputs.size())).rules().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "| what | classifications/s (one thread) |\n|---|---|\n"
                        + "| full engine (features, both models, rules, relevance) on YouTube comments | %.0f |\n\n"
                        + "(%d classifications in %.1f s after a 3 s warm-up; checksum %d)\n",
                n / seconds, n, seconds, sink);
    }

    private static io.parley.moderation.engine.signal.Campaign fingerprint(CampaignRegistry campaigns, Row row,
                                                                            String post) {
        java.util.OptionalLong fp = SimHash.of(Text.normalize(row.content));
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
