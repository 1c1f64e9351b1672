package dev.llmrouter.web.admin.decisions;

import dev.llmrouter.persistence.StoredDecision;
import dev.llmrouter.web.admin.FormText;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/** One recorded decision as a table row (its ranking is read only when it is opened). */
public class DecisionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final Instant at;
    private final String requestId;
    private final String tenant;
    private final String model;
    private final String tier;
    private final String backend;
    private final String outcome;
    private final String category;
    private final String cacheStatus;
    private final Double feedbackScore;
    private final String reason;

    public DecisionRow(StoredDecision d) {
        this.id = d.id();
        this.at = d.createdAt();
        this.requestId = d.requestId();
        this.tenant = d.tenantName();
        this.model = d.modelAlias();
        this.tier = d.tier() == null ? "" : d.tier().toUpperCase(Locale.ROOT);
        this.backend = d.backend();
        this.outcome = d.outcome();
        this.category = d.category();
        this.cacheStatus = d.cacheStatus();
        this.feedbackScore = d.feedbackScore();
        this.reason = d.reason();
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

    public String getModel() {
        return model;
    }

    public String getTier() {
        return tier;
    }

    public String getBackend() {
        return backend == null ? "" : backend;
    }

    public String getOutcome() {
        return outcome;
    }

    public boolean isOk() {
        return "OK".equals(outcome);
    }

    public String getCategory() {
        return category == null ? "" : category;
    }

    public String getCacheStatus() {
        return cacheStatus == null ? "" : cacheStatus;
    }

    /** "0.8", or "" before any feedback. */
    public String getFeedback() {
        return feedbackScore == null ? "" : String.format(Locale.ROOT, "%.2f", feedbackScore);
    }

    public String getReason() {
        return reason;
    }
}
