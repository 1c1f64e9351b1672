package dev.llmrouter.route;

import dev.llmrouter.chat.Tier;
import java.io.Serializable;

/** A routable model: a backend, or the virtual {@code auto} model (tier null). */
public record ModelInfo(String id, Tier tier, String kind, boolean simulated, String description)
        implements Serializable {
}
