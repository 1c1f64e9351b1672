package dev.llmrouter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tenants")
public class Tenant {

    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private String status = ACTIVE;

    @Column(name = "cache_enabled", nullable = false)
    private boolean cacheEnabled = true;

    @Column(name = "cache_threshold")
    private Double cacheThreshold;

    @Column(name = "cache_ttl_seconds")
    private Integer cacheTtlSeconds;

    @Column(name = "cache_max_temperature")
    private Double cacheMaxTemperature;

    @Column(name = "free_tiers_when_exhausted", nullable = false)
    private boolean freeTiersWhenExhausted = true;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false)
    private Instant updatedAt;

    protected Tenant() {
    }

    public Tenant(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isCacheEnabled() {
        return cacheEnabled;
    }

    /** The tenant's own acceptance threshold for semantic hits, or null for the router's default. */
    public Double getCacheThreshold() {
        return cacheThreshold;
    }

    public Integer getCacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    public Double getCacheMaxTemperature() {
        return cacheMaxTemperature;
    }

    /** Whether cache hits and zero-priced models still answer once the money budget cannot pay any more. */
    public boolean isFreeTiersWhenExhausted() {
        return freeTiersWhenExhausted;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public void setCacheEnabled(boolean cacheEnabled) {
        this.cacheEnabled = cacheEnabled;
    }

    public void setCacheThreshold(Double cacheThreshold) {
        this.cacheThreshold = cacheThreshold;
    }

    public void setCacheTtlSeconds(Integer cacheTtlSeconds) {
        this.cacheTtlSeconds = cacheTtlSeconds;
    }

    public void setCacheMaxTemperature(Double cacheMaxTemperature) {
        this.cacheMaxTemperature = cacheMaxTemperature;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
