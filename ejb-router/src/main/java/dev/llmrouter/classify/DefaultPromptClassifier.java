package dev.llmrouter.classify;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.embed.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Profiles the last user turn: its {@link PromptFeatures}, a category from explicit cues, and a
 * difficulty that is the learned prior's probability that a local model gets it wrong. Computes the
 * embedding itself when the cache did not (cache off or bypassed): the quality model needs it.
 */
@ApplicationScoped
public class DefaultPromptClassifier implements PromptClassifier {


    @Inject
    Embedder embedder;

    /** Null in the container: the shipped parameters. */
    private QualityPrior prior;

    /** For the container. */
    public DefaultPromptClassifier() {
    }

    /** For tools and tests outside the container. */
    public DefaultPromptClassifier(Embedder embedder, QualityPrior prior) {
        this.embedder = embedder;
        this.prior = prior;
    }

    @Override
    public PromptProfile profile(ChatRequest request, float[] embedding) {
        String question = request.lastUserMessage();
        double[] features = PromptFeatures.of(question);
        float[] vector = embedding != null ? embedding : embedder.embed(question);
        int tokens = promptTokens(request);
        PromptCategory category = PromptCategory.of(question, features);
        double difficulty = 1 - prior().predict(Tier.LOCAL, features, vector);
        String because = String.format(Locale.ROOT, "%s prompt (%s), difficulty %.2f", category.label(),
                category.cue(), difficulty);
        return new PromptProfile(category.label(), difficulty, tokens, vector, because, features);
    }

    private QualityPrior prior() {
        return prior != null ? prior : QualityPrior.shipped();
    }
}
