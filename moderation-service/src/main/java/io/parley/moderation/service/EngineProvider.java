package io.parley.moderation.service;

import io.parley.moderation.config.ModerationConfig;
import io.parley.moderation.domain.ClassifierModel;
import io.parley.moderation.engine.ModerationEngine;
import io.parley.moderation.engine.SecondStage;
import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.classify.Featurizer;
import io.parley.moderation.engine.classify.LabeledComment;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.engine.classify.Trainer;
import io.parley.moderation.engine.semantic.BgeSmallEncoder;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.engine.signal.Terms;
import io.parley.moderation.repository.ClassifierModelRepository;
import io.parley.moderation.repository.ModerationTermRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The engine every decision uses: the newest active model version in the database and the current
 * term lists. Each batch asks the database for both revisions (one cheap query), so a model
 * trained or rolled back by any instance, or a moderator's term change, takes effect everywhere at the
 * next batch. With {@code parley.moderation.second-stage}, models are trained with the embedding second
 * stage and the engine uses it; the embedding model is loaded once, when first needed.
 */
@ApplicationScoped
public class EngineProvider {

    private static final Logger LOG = Logger.getLogger(EngineProvider.class);

    private final ClassifierModelRepository models;
    private final ModerationTermRepository terms;
    private final ModerationConfig config;
    private final Clock clock;
    private final Relevance relevance;
    private final SecondStage secondStage;
    private volatile Cached cached;

    public EngineProvider(ClassifierModelRepository models, ModerationTermRepository terms, ModerationConfig config,
                          Clock clock) {
        this.models = models;
        this.terms = terms;
        this.config = config;
        this.clock = clock;
        this.relevance = new Relevance(StarterData.corpus().stream().map(LabeledComment::body).toList());
        this.secondStage = config.secondStage() ? SecondStage.of(BgeSmallEncoder::shared) : null;
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::current);
    }

    /** The engine to use now. Must run inside a transaction. */
    public ModerationEngine current() {
        ClassifierModelRepository.EngineRevision revision = models.engineRevision();
        int version = revision.modelVersion().orElseGet(this::bootstrap);
        String termRevision = revision.terms();
        Cached c = cached;
        if (c != null && c.version == version && c.termRevision.equals(termRevision)) {
            return c.engine;
        }
        Terms termLists = terms.terms();
        ModelSet modelSet = ModelSet.fromBytes(version, models.findById(version).model);
        ModerationEngine engine = new ModerationEngine(config.thresholds(), new Featurizer(termLists), modelSet,
                relevance, secondStage);
        cached = new Cached(version, termRevision, engine);
        LOG.infof("moderation engine now on model version %d, terms %s", version, termRevision);
        return engine;
    }

    /** What every engine compares comments with their posts by; posts' texts prepared by it stay valid. */
    public Relevance relevance() {
        return relevance;
    }

    /** A trainer for these term lists, with the second stage when it is enabled. */
    public Trainer trainer(Terms termLists) {
        Featurizer featurizer = new Featurizer(termLists);
        return secondStage == null ? new Trainer(featurizer) : new Trainer(featurizer, BgeSmallEncoder.shared());
    }

    /** The term lists currently in force, for training with the same features the engine uses. Inside a transaction. */
    public Terms terms() {
        return terms.terms();
    }

    /** First start of the first instance: train on the starter corpus. Others wait on the lock and find it. */
    private int bootstrap() {
        models.lockForTraining();
        return models.currentVersion().orElseGet(() -> {
            List<LabeledComment> corpus = StarterData.corpus();
            ModelSet set = trainer(terms.terms()).train(0, corpus);
            ClassifierModel model = store(set, corpus.size());
            LOG.infof("trained model version %d on the starter corpus", model.version);
            return model.version;
        });
    }

    /** Stores a trained model set as the newest active version. Inside a transaction. */
    ClassifierModel store(ModelSet set, int trainedOn) {
        ClassifierModel model = new ClassifierModel();
        model.createdAt = Instant.now(clock);
        model.trainedOn = trainedOn;
        model.status = ClassifierModel.Status.active;
        model.model = set.toBytes();
        models.persistAndFlush(model);
        return model;
    }

    private record Cached(int version, String termRevision, ModerationEngine engine) {
    }
}
