package io.parley.moderation.engine;

import io.parley.events.Outcome;
import io.parley.moderation.engine.classify.EmbeddingHeads;
import io.parley.moderation.engine.classify.Evidence;
import io.parley.moderation.engine.classify.Featurizer;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.classify.PairedModels;
import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.engine.signal.SubmissionSignal;
import io.parley.moderation.engine.signal.Trust;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Labels a comment: the classifier scores the text (its features include links, suspect terms and
 * author heuristics); rules the text cannot show (abuse signals, campaigns, trust) shift the spam
 * score on the log-odds scale; blocked terms and a filled honeypot decide alone; the thresholds turn
 * scores into one outcome. With a {@link SecondStage} and a model set that has {@link EmbeddingHeads},
 * comments whose n-gram scores are uncertain are scored again from their sentence embedding.
 * Immutable and thread-safe: a new model or term list means a new engine.
 */
public final class ModerationEngine {

    /** Log-odds added to the spam score by each rule; chosen so one soft rule moves a doubtful comment, not a clean one. */
    static final double CAMPAIGN_WEIGHT = 3.0;
    static final double TOO_FAST_WEIGHT = 1.5;
    static final double WEAK_WORK_WEIGHT = 1.0;
    static final double KNOWN_WEIGHT = -1.0;
    static final double TRUSTED_WEIGHT = -2.5;

    private final Thresholds thresholds;
    private final Featurizer featurizer;
    private final ModelSet models;
    private final PairedModels scoring;
    private final Relevance relevance;
    private final SecondStage secondStage;

    /** An engine with the n-gram stage only. */
    public ModerationEngine(Thresholds thresholds, Featurizer featurizer, ModelSet models, Relevance relevance) {
        this(thresholds, featurizer, models, relevance, null);
    }

    /** @param secondStage when to score uncertain comments from their embedding; null for the n-gram stage only */
    public ModerationEngine(Thresholds thresholds, Featurizer featurizer, ModelSet models, Relevance relevance,
                            SecondStage secondStage) {
        this.thresholds = thresholds;
        this.featurizer = featurizer;
        this.models = models;
        this.scoring = new PairedModels(models);
        this.relevance = relevance;
        this.secondStage = models.heads() == null ? null : secondStage;
    }

    public Featurizer featurizer() {
        return featurizer;
    }

    public ModelSet models() {
        return models;
    }

    public Assessment assess(CommentInput in) {
        return assess(in, featurizer.evidence(in.body(), in.authorName(), in.authorUrl()));
    }

    /**
     * The same with the evidence of {@code in}'s text and author already drawn by {@link #featurizer()},
     * as moderation draws it first for the campaign fingerprint: normalizing and splitting a comment twice
     * was work done twice on every comment.
     */
    public Assessment assess(CommentInput in, Evidence evidence) {
        PairedModels.Scores modelScores = scoring.score(featurizer.featureSet(evidence));
        double spamModel = modelScores.spam();
        double offensive = modelScores.offensive();

        List<String> rules = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        reasons.add("classifier v" + models.version() + ": spam " + threeDecimals(spamModel) + ", offensive "
                + threeDecimals(offensive));
        if (evidence.links().count() > 0) {
            rules.add("links");
            reasons.add(evidence.links().count() + " link(s) to " + String.join(", ", evidence.links().hosts()));
        }
        for (String term : evidence.terms().suspect()) {
            rules.add("suspect-term");
            reasons.add("suspect term \"" + term + "\"");
        }
        for (String rule : evidence.author().rules()) {
            rules.add(rule);
            reasons.add("author: " + rule.replace('-', ' '));
        }

        double logit = logit(spamModel);
        SubmissionSignal submission = SubmissionSignal.of(in.signals());
        if (submission.tooFast()) {
            logit += TOO_FAST_WEIGHT;
            rules.add("form-filled-too-fast");
            reasons.add("form filled in " + in.signals().fillTimeMillis() + " ms");
        }
        if (submission.weakWork()) {
            logit += WEAK_WORK_WEIGHT;
            rules.add("proof-of-work-short");
            reasons.add("proof of work " + in.signals().proofOfWorkBits() + " of " + in.signals().requiredWorkBits()
                    + " bits");
        }
        Campaign campaign = in.campaign();
        if (campaign != null && campaign.isCampaign()) {
            logit += CAMPAIGN_WEIGHT;
            rules.add("campaign");
            reasons.add("near-duplicate of " + (campaign.comments() - 1) + " other comment(s) on " + campaign.posts()
                    + " posts (campaign " + campaign.id() + ")");
        }
        Trust trust = in.trust() == null ? Trust.FIRST_TIME : in.trust();
        if (trust == Trust.TRUSTED) {
            logit += TRUSTED_WEIGHT;
            rules.add("trusted-author");
            reasons.add("author has a record of approved comments");
        } else if (trust == Trust.KNOWN) {
            logit += KNOWN_WEIGHT;
            rules.add("known-author");
            reasons.add("author has approved comments before");
        } else {
            rules.add("first-time-author");
        }
        double spam = sigmoid(logit);
        OptionalDouble similarity = relevance.similarity(relevance.documentOfWords(evidence.words()),
                in.post(), in.parentText());
        Double offTopic = similarity.isPresent() ? 1 - similarity.getAsDouble() : null;

        // The second stage: a sentence embedding for comments whose n-gram scores are uncertain, and only
        // where it can change the outcome, as an embedding costs milliseconds. Spam decided by the rules
        // or the first stage comes before any other score; the second stage's spam score can only hold an
        // otherwise approved comment for review.
        Double spamSecond = null;
        if (secondStage != null) {
            Outcome without = decide(evidence, submission, spam, null, offensive, offTopic, new ArrayList<>(),
                    new ArrayList<>());
            boolean offensiveAgain = without != Outcome.SPAM && secondStage.uncertainOffensive(offensive);
            // With an offensive rescore a held comment may turn out approved after all, so its spam is looked at too.
            boolean spamAgain = (without == Outcome.APPROVED || offensiveAgain)
                    && secondStage.uncertainSpam(spamModel, thresholds);
            if (spamAgain || offensiveAgain) {
                float[] embedding = secondStage.encoder().get().encode(evidence.text());
                EmbeddingHeads heads = models.heads();
                if (spamAgain) {
                    spamSecond = heads.spam().probability(
                            EmbeddingHeads.input(embedding, modelScores.spamLogOdds()));
                }
                if (offensiveAgain) {
                    offensive = heads.offensive().probability(
                            EmbeddingHeads.input(embedding, modelScores.offensiveLogOdds()));
                }
                rules.add("second-stage");
                reasons.add(("second stage (sentence embedding): "
                        + (spamAgain ? "spam " + threeDecimals(spamSecond) + " " : "")
                        + (offensiveAgain ? "offensive " + threeDecimals(offensive) : "")).strip());
            }
        }
        // The rules shift the second stage's spam score as they shift the first's.
        Double spamSecondAfterRules = spamSecond == null ? null : sigmoid(logit(spamSecond) + logit - logit(spamModel));

        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("spam", round(spam));
        scores.put("spamModel", round(spamModel));
        if (spamSecond != null) {
            scores.put("spamSecondStage", round(spamSecondAfterRules));
        }
        scores.put("offensive", round(offensive));
        if (offTopic != null) {
            scores.put("offTopic", round(offTopic));
        }

        Outcome outcome = decide(evidence, submission, spam, spamSecondAfterRules, offensive, offTopic, rules, reasons);
        return new Assessment(outcome, scores, List.copyOf(reasons), List.copyOf(rules), models.version());
    }

    /**
     * @param spamSecond the second stage's spam score (after the rules), or null: it can send a comment to
     *                   review, never mark it spam, so the automatic spam decision stays with the calibrated first stage
     */
    private Outcome decide(Evidence evidence, SubmissionSignal submission, double spam, Double spamSecond,
                           double offensive, Double offTopic, List<String> rules, List<String> reasons) {
        if (submission.honeypot()) {
            rules.add("honeypot-filled");
            reasons.add("the hidden honeypot field was filled");
            return Outcome.SPAM;
        }
        if (!evidence.terms().blocked().isEmpty()) {
            rules.add("blocked-term");
            reasons.add("blocked term(s) " + String.join(", ", evidence.terms().blocked()));
            return Outcome.SPAM;
        }
        if (spam >= thresholds.spam()) {
            rules.add("spam-threshold");
            return Outcome.SPAM;
        }
        if (offensive >= thresholds.offensiveReject()) {
            rules.add("offensive-threshold");
            return Outcome.REJECTED;
        }
        boolean review = false;
        if (spam >= thresholds.review()) {
            rules.add("spam-review");
            review = true;
        } else if (spamSecond != null && spamSecond >= thresholds.review()) {
            rules.add("second-stage-spam-review");
            review = true;
        }
        if (offensive >= thresholds.offensiveReview()) {
            rules.add("offensive-review");
            review = true;
        }
        if (offTopic != null && offTopic >= thresholds.offTopic()) {
            rules.add("off-topic");
            reasons.add("unrelated to the post" + (spam >= thresholds.offTopicSpamFloor() ? " and doubtful" : ""));
            if (spam >= thresholds.offTopicSpamFloor()) {
                rules.add("off-topic-review");
                review = true;
            }
        }
        return review ? Outcome.PENDING : Outcome.APPROVED;
    }

    static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    /**
     * A probability as {@code %.3f} prints it (the shortest decimal that reads back as the double, rounded
     * half up) without a {@code Formatter}, which cost 3% of moderation's CPU for one reason per comment.
     */
    static String threeDecimals(double p) {
        return Double.isFinite(p) ? BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString()
                : String.valueOf(p);
    }
}
