package dev.llmrouter.stats;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.classify.PromptClassifier;
import dev.llmrouter.embed.Embedder;
import dev.llmrouter.persistence.NewRoutingExample;
import dev.llmrouter.persistence.RoutingExamples;
import dev.llmrouter.persistence.RoutingHistoryUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records labelled outcomes (feedback on a routed request, admin imports) as routing examples: the
 * prompt's embedding, never its text, with the backend, tier, category and score. The quality
 * prediction finds them again by similarity.
 */
@ApplicationScoped
public class Outcomes {

    static final String UNKNOWN_CATEGORY = "unknown";

    private static final Logger LOG = Logger.getLogger(Outcomes.class.getName());

    @Inject
    RoutingExamples examples;

    @Inject
    Embedder embedder;

    @Inject
    PromptClassifier classifier;

    /** For the container. */
    public Outcomes() {
    }

    /** For tools outside the container (benchmarks, imports). */
    public Outcomes(RoutingExamples examples, Embedder embedder, PromptClassifier classifier) {
        this.examples = examples;
        this.embedder = embedder;
        this.classifier = classifier;
    }

    /** Feedback on a prompt given as text; returns the stored example's id. */
    public long record(Long tenantId, String backendId, Tier tier, String prompt, String category, double score) {
        return record(new LabelledOutcome(tenantId, backendId, tier, prompt, null, category, score,
                LabelledOutcome.Source.FEEDBACK, null));
    }

    /** Feedback on a prompt known by its embedding (e.g. the one computed when it was routed). */
    public long record(Long tenantId, String backendId, Tier tier, float[] embedding, String category, double score) {
        return record(new LabelledOutcome(tenantId, backendId, tier, null, embedding, category, score,
                LabelledOutcome.Source.FEEDBACK, null));
    }

    public long record(LabelledOutcome outcome) {
        float[] vector = outcome.embedding() != null ? checked(outcome.embedding()) : embedder.embed(outcome.prompt());
        return examples.insert(example(outcome, vector));
    }

    /**
     * A client's judgement of a routed answer becomes the tenant's labelled outcome. The judgement is already
     * stored with its decision, so history that cannot be written only costs the lesson, not the request.
     * Answers without an embedding, or not from a model tier, teach nothing here.
     */
    void learn(@Observes FeedbackReceived feedback) {
        if (feedback.embedding() == null
                || !(Tier.LOCAL.name().equals(feedback.tier()) || Tier.CLOUD.name().equals(feedback.tier()))) {
            LOG.fine(() -> "Feedback on " + feedback.requestId() + " carries no model-tier embedding; not learned");
            return;
        }
        try {
            record(new LabelledOutcome(feedback.tenantId(), feedback.backend(), Tier.valueOf(feedback.tier()), null,
                    feedback.embedding(), feedback.category(), feedback.score(), LabelledOutcome.Source.FEEDBACK,
                    feedback.requestId()));
        } catch (RoutingHistoryUnavailableException e) {
            LOG.log(Level.WARNING, "Could not learn from feedback on " + feedback.requestId(), e);
        }
    }

    /** Stores many outcomes at once, embedding the prompts given as text; returns how many were stored. */
    public int importAll(List<LabelledOutcome> outcomes) {
        List<String> texts = new ArrayList<>();
        for (LabelledOutcome o : outcomes) {
            if (o.embedding() == null) {
                texts.add(o.prompt());
            }
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
        List<NewRoutingExample> rows = new ArrayList<>(outcomes.size());
        int next = 0;
        for (LabelledOutcome o : outcomes) {
            float[] vector = o.embedding() != null ? checked(o.embedding()) : vectors.get(next++);
            rows.add(example(o, vector));
        }
        return examples.insertAll(rows);
    }

    private NewRoutingExample example(LabelledOutcome o, float[] vector) {
        return new NewRoutingExample(o.tenantId(), o.backendId(), o.tier().name(), category(o, vector), o.score(),
                vector, o.source().name(), o.requestId());
    }

    private String category(LabelledOutcome o, float[] vector) {
        if (o.category() != null && !o.category().isBlank()) {
            return o.category();
        }
        if (o.prompt() == null || o.prompt().isBlank()) {
            return UNKNOWN_CATEGORY;
        }
        ChatRequest request = ChatRequest.builder().message(ChatMessage.user(o.prompt())).build();
        return classifier.profile(request, vector).category();
    }

    private float[] checked(float[] embedding) {
        if (embedding.length != embedder.dimensions()) {
            throw new IllegalArgumentException("embedding needs " + embedder.dimensions() + " dimensions, has "
                    + embedding.length);
        }
        return embedding;
    }
}
