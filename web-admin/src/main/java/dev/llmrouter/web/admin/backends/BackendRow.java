package dev.llmrouter.web.admin.backends;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.web.admin.Money;

/** One backend as a table row. The definition's API key never reaches the page. */
public class BackendRow {

    private final BackendDefinition definition;
    private final BackendLoad load;
    private final BackendHealth health;

    public BackendRow(BackendDefinition definition, BackendLoad load, BackendHealth health) {
        this.definition = definition;
        this.load = load;
        this.health = health;
    }

    public String getId() {
        return definition.id();
    }

    public String getKind() {
        return definition.kind();
    }

    public String getTier() {
        return definition.tier().name();
    }

    public String getUrl() {
        return definition.baseUri().toString();
    }

    public String getModel() {
        return definition.upstreamModel();
    }

    public boolean isSimulated() {
        return definition.simulated();
    }

    /** Per million tokens, input / output. */
    public String getPrices() {
        return Money.usd(definition.inputMicrosPerMillion()) + " / " + Money.usd(definition.outputMicrosPerMillion());
    }

    public String getConcurrency() {
        return load == null ? "" : load.inFlight() + " / " + load.maxConcurrency();
    }

    public String getWaiting() {
        return load == null ? "" : load.waiting() + " / " + load.maxWaiting();
    }

    public String getBreaker() {
        return load == null ? "UNKNOWN" : load.breakerState();
    }

    /** "up", "down", or "" before anyone asked. */
    public String getHealth() {
        return health == null ? "" : health.up() ? "up" : "down";
    }

    public String getHealthDetail() {
        return health == null ? "" : health.detail();
    }
}
