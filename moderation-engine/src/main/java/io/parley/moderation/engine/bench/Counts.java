package io.parley.moderation.engine.bench;

import io.parley.events.Outcome;
import io.parley.moderation.engine.Assessment;

import java.util.Locale;

/** Confusion counts of automatic outcomes against true spam labels. */
final class Counts {

    int spamAuto;       // spam marked spam or rejected automatically
    int spamApproved;   // spam published automatically
    int spamReview;
    int hamAuto;        // legitimate comments auto-rejected
    int hamApproved;
    int hamReview;
    int scoreTp;
    int scoreFp;
    int scoreFn;
    int secondStage;    // comments the second stage scored again

    void add(boolean isSpam, Assessment a) {
        add(isSpam, a.outcome(), a.score("spam"), 0.5);
        if (a.rules().contains("second-stage")) {
            secondStage++;
        }
    }

    void add(boolean isSpam, Outcome outcome, double spamScore, double cut) {
        boolean refused = outcome == Outcome.SPAM || outcome == Outcome.REJECTED;
        if (isSpam) {
            if (refused) {
                spamAuto++;
            } else if (outcome == Outcome.PENDING) {
                spamReview++;
            } else {
                spamApproved++;
            }
        } else {
            if (refused) {
                hamAuto++;
            } else if (outcome == Outcome.PENDING) {
                hamReview++;
            } else {
                hamApproved++;
            }
        }
        boolean flagged = spamScore >= cut;
        if (flagged && isSpam) {
            scoreTp++;
        } else if (flagged) {
            scoreFp++;
        } else if (isSpam) {
            scoreFn++;
        }
    }

    void addAll(Counts o) {
        spamAuto += o.spamAuto;
        spamApproved += o.spamApproved;
        spamReview += o.spamReview;
        hamAuto += o.hamAuto;
        hamApproved += o.hamApproved;
        hamReview += o.hamReview;
        scoreTp += o.scoreTp;
        scoreFp += o.scoreFp;
        scoreFn += o.scoreFn;
        secondStage += o.secondStage;
    }

    int total() {
        return spamAuto + spamApproved + spamReview + hamAuto + hamApproved + hamReview;
    }

    /** Precision, recall and F1 of the automatic decisions, counting only comments decided without review. */
    double autoPrecision() {
        return ratio(spamAuto, spamAuto + hamAuto);
    }

    double autoRecall() {
        return ratio(spamAuto, spamAuto + spamApproved);
    }

    double autoF1() {
        return f1(autoPrecision(), autoRecall());
    }

    /** F1 of the final outcome once moderators resolved the reviewed comments correctly. */
    double finalF1() {
        int tp = spamAuto + spamReview;
        return f1(ratio(tp, tp + hamAuto), ratio(tp, tp + spamApproved));
    }

    double scoreF1() {
        return f1(ratio(scoreTp, scoreTp + scoreFp), ratio(scoreTp, scoreTp + scoreFn));
    }

    double hamAutoRejected() {
        return ratio(hamAuto, hamAuto + hamApproved + hamReview);
    }

    double reviewShare() {
        return ratio(spamReview + hamReview, total());
    }

    String row(String name) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.4f | %.3f | %.3f | %.1f%% | %.1f%% | %.1f%% |",
                name, total(), autoPrecision(), autoRecall(), autoF1(), finalF1(), scoreF1(), 100 * hamAutoRejected(),
                100 * reviewShare(), 100 * ratio(secondStage, total()));
    }

    static String header() {
        return "| fold | comments | precision (auto) | recall (auto) | F1 (auto) | F1 (after review) | F1 (score ≥ .5) "
                + "| legitimate auto-rejected | sent to review | second stage |\n|---|---|---|---|---|---|---|---|---|---|";
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
