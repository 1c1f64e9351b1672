package dev.llmrouter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the append-only usage ledger: what a request used, cost and took. */
@Entity
@Table(name = "usage_ledger")
public class UsageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private String requestId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private Long tenantId;

    @Column(name = "api_key_id", updatable = false)
    private Long apiKeyId;

    @Column(updatable = false)
    private String backend;

    @Column(updatable = false)
    private String model;

    @Column(nullable = false, updatable = false)
    private String tier;

    @Column(name = "prompt_tokens", nullable = false, updatable = false)
    private int promptTokens;

    @Column(name = "completion_tokens", nullable = false, updatable = false)
    private int completionTokens;

    @Column(name = "cost_micros", nullable = false, updatable = false)
    private long costMicros;

    @Column(name = "shadow_cost_micros", nullable = false, updatable = false)
    private long shadowCostMicros;

    @Column(name = "latency_ms", nullable = false, updatable = false)
    private int latencyMs;

    @Column(name = "ttft_ms", updatable = false)
    private Integer ttftMs;

    @Column(name = "cache_status", nullable = false, updatable = false)
    private String cacheStatus;

    @Column(nullable = false, updatable = false)
    private boolean streamed;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "error_code", updatable = false)
    private String errorCode;

    @Column(updatable = false)
    private String reason;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected UsageRecord() {
    }

    public UsageRecord(String requestId, Long tenantId, Long apiKeyId, String tier, String outcome) {
        this.requestId = requestId;
        this.tenantId = tenantId;
        this.apiKeyId = apiKeyId;
        this.tier = tier;
        this.outcome = outcome;
        this.cacheStatus = "BYPASS";
    }

    public UsageRecord servedBy(String backend, String model) {
        this.backend = backend;
        this.model = model;
        return this;
    }

    public UsageRecord tokens(int prompt, int completion) {
        this.promptTokens = prompt;
        this.completionTokens = completion;
        return this;
    }

    public UsageRecord cost(long costMicros, long shadowCostMicros) {
        this.costMicros = costMicros;
        this.shadowCostMicros = shadowCostMicros;
        return this;
    }

    public UsageRecord timing(int latencyMs, Integer ttftMs) {
        this.latencyMs = latencyMs;
        this.ttftMs = ttftMs;
        return this;
    }

    public UsageRecord streamed(boolean streamed) {
        this.streamed = streamed;
        return this;
    }

    public UsageRecord cacheStatus(String cacheStatus) {
        this.cacheStatus = cacheStatus;
        return this;
    }

    public UsageRecord error(String errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    public UsageRecord reason(String reason) {
        this.reason = reason;
        return this;
    }

    public Long getId() {
        return id;
    }

    public String getRequestId() {
        return requestId;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public Long getApiKeyId() {
        return apiKeyId;
    }

    public String getBackend() {
        return backend;
    }

    public String getModel() {
        return model;
    }

    public String getTier() {
        return tier;
    }

    public int getPromptTokens() {
        return promptTokens;
    }

    public int getCompletionTokens() {
        return completionTokens;
    }

    public long getCostMicros() {
        return costMicros;
    }

    public long getShadowCostMicros() {
        return shadowCostMicros;
    }

    public int getLatencyMs() {
        return latencyMs;
    }

    public Integer getTtftMs() {
        return ttftMs;
    }

    public String getCacheStatus() {
        return cacheStatus;
    }

    public boolean isStreamed() {
        return streamed;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
