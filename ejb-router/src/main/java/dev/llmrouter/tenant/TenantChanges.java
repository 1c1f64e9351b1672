package dev.llmrouter.tenant;

import java.util.HashSet;
import java.util.Set;

/**
 * The settings an admin request gives a tenant. Only fields that were set change; setting a cache
 * field to null returns it to the router's default.
 */
public final class TenantChanges {

    private final Set<String> present = new HashSet<>();
    private String name;
    private String status;
    private Boolean cacheEnabled;
    private Double cacheThreshold;
    private Integer cacheTtlSeconds;
    private Double cacheMaxTemperature;

    public TenantChanges name(String value) {
        name = value;
        present.add("name");
        return this;
    }

    public TenantChanges status(String value) {
        status = value;
        present.add("status");
        return this;
    }

    public TenantChanges cacheEnabled(Boolean value) {
        cacheEnabled = value;
        present.add("cache_enabled");
        return this;
    }

    public TenantChanges cacheThreshold(Double value) {
        cacheThreshold = value;
        present.add("cache_threshold");
        return this;
    }

    public TenantChanges cacheTtlSeconds(Integer value) {
        cacheTtlSeconds = value;
        present.add("cache_ttl_seconds");
        return this;
    }

    public TenantChanges cacheMaxTemperature(Double value) {
        cacheMaxTemperature = value;
        present.add("cache_max_temperature");
        return this;
    }

    public boolean has(String field) {
        return present.contains(field);
    }

    public Set<String> fields() {
        return Set.copyOf(present);
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    public Boolean cacheEnabled() {
        return cacheEnabled;
    }

    public Double cacheThreshold() {
        return cacheThreshold;
    }

    public Integer cacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    public Double cacheMaxTemperature() {
        return cacheMaxTemperature;
    }
}
