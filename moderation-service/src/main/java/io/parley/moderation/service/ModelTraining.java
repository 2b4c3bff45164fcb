package io.parley.moderation.service;

import io.parley.moderation.domain.ClassifierModel;
import io.parley.moderation.domain.TrainingLabel;
import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.classify.LabeledComment;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.signal.Terms;
import io.parley.moderation.repository.ClassifierModelRepository;
import io.parley.moderation.repository.TrainingLabelRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Retrains the classifier on the starter corpus plus every moderator label, stores the result as a
 * new model version, and rolls a bad version back. Retraining runs on one background thread, off the
 * consumer's path; requests that arrive while one is running share the next run.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class);

    private final ClassifierModelRepository models;
    private final TrainingLabelRepository labels;
    private final EngineProvider engines;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "moderation-retraining");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Integer> queued;

    public ModelTraining(ClassifierModelRepository models, TrainingLabelRepository labels, EngineProvider engines) {
        this.models = models;
        this.labels = labels;
        this.engines = engines;
    }

    /** Schedules a retraining; completes with the new model version. */
    public synchronized CompletableFuture<Integer> retrainInBackground() {
        if (queued != null && !queued.isDone()) {
            return queued;
        }
        CompletableFuture<Integer> next = new CompletableFuture<>();
        queued = next;
        worker.execute(() -> {
            synchronized (this) {
                queued = null;
            }
            try {
                next.complete(retrain());
            } catch (RuntimeException e) {
                LOG.error("retraining failed; the current model stays in use", e);
                next.completeExceptionally(e);
            }
        });
        return next;
    }

    /** Trains a new model version now and makes it the current one. */
    public int retrain() {
        record Snapshot(List<LabeledComment> examples, Terms terms) {
        }
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> {
            List<LabeledComment> examples = new ArrayList<>(StarterData.corpus());
            labels.listAll().stream().map(TrainingLabel::toLabeledComment).forEach(examples::add);
            return new Snapshot(examples, engines.terms());
        });
        ModelSet set = engines.trainer(snapshot.terms()).train(0, snapshot.examples());
        int version = QuarkusTransaction.requiringNew().call(() -> {
            models.lockForTraining();
            return engines.store(set, snapshot.examples().size()).version;
        });
        LOG.infof("trained model version %d on %d labeled comments", version, snapshot.examples().size());
        return version;
    }

    /**
     * Withdraws the current model version; every instance falls back to the previous active one at its
     * next batch. Refuses to withdraw the only remaining version.
     *
     * @return the version now in force
     */
    public int rollback() {
        return QuarkusTransaction.requiringNew().call(() -> {
            models.lockForTraining();
            ClassifierModel current = models.current()
                    .orElseThrow(() -> new IllegalStateException("no model to roll back"));
            current.status = ClassifierModel.Status.rolled_back;
            models.flush();
            int now = models.currentVersion().orElseThrow(
                    () -> new IllegalStateException("version " + current.version + " is the only model; not rolled back"));
            LOG.warnf("model version %d rolled back; version %d in force", current.version, now);
            return now;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
