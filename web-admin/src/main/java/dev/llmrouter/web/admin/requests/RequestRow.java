package dev.llmrouter.web.admin.requests;

import dev.llmrouter.persistence.LedgerEntry;
import dev.llmrouter.web.admin.FormText;
import dev.llmrouter.web.admin.Money;
import java.io.Serializable;
import java.time.Instant;

/** One usage ledger row as a table row. */
public class RequestRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final Instant at;
    private final String requestId;
    private final String tenant;
    private final String tier;
    private final String backend;
    private final String outcome;
    private final String cacheStatus;
    private final int tokens;
    private final long costMicros;
    private final long savedMicros;
    private final int latencyMillis;
    private final String reason;

    public RequestRow(LedgerEntry e) {
        this.id = e.id();
        this.at = e.at();
        this.requestId = e.requestId();
        this.tenant = e.tenantName();
        this.tier = e.tier();
        this.backend = e.backend() == null ? e.model() : e.backend();
        this.outcome = e.outcome();
        this.cacheStatus = e.cacheStatus();
        this.tokens = e.promptTokens() + e.completionTokens();
        this.costMicros = e.costMicros();
        this.savedMicros = e.savedMicros();
        this.latencyMillis = e.latencyMillis();
        this.reason = e.reason();
    }

    public long getId() {
        return id;
    }

    /** "Mar 10 12:07:30" in UTC. */
    public String getAt() {
        return FormText.when(at);
    }

    public String getRequestId() {
        return requestId;
    }

    public String getTenant() {
        return tenant;
    }

    public String getTier() {
        return tier;
    }

    public String getBackend() {
        return backend;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getCacheStatus() {
        return cacheStatus;
    }

    public int getTokens() {
        return tokens;
    }

    public String getCost() {
        return Money.usd(costMicros);
    }

    public String getSaved() {
        return Money.usd(savedMicros);
    }

    public int getLatencyMillis() {
        return latencyMillis;
    }

    public String getReason() {
        return reason;
    }
}
