package dev.llmrouter.web.api.admin;

import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.persistence.ApiKey;
import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.tenant.TenantChanges;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Set;

/** Tenants, keys and budgets as the admin API writes and reads them. */
final class TenantJson {

    static final Set<String> TENANT_FIELDS = Set.of("name", "status", "cache_enabled", "cache_threshold",
            "cache_ttl_seconds", "cache_max_temperature");

    private TenantJson() {
    }

    /** Only the fields present change; unknown fields are refused so that a typo never passes silently. */
    static TenantChanges changes(JsonObject root) {
        for (String field : root.keySet()) {
            if (!TENANT_FIELDS.contains(field)) {
                throw ApiException.invalid(field, "Unknown field '" + field + "'; a tenant has " + TENANT_FIELDS + ".");
            }
        }
        TenantChanges changes = new TenantChanges();
        if (root.containsKey("name")) {
            changes.name(JsonBodies.string(root, "name").orElse(null));
        }
        if (root.containsKey("status")) {
            changes.status(JsonBodies.string(root, "status").orElse(null));
        }
        if (root.containsKey("cache_enabled")) {
            changes.cacheEnabled(JsonBodies.booleanValue(root, "cache_enabled").orElse(null));
        }
        if (root.containsKey("cache_threshold")) {
            changes.cacheThreshold(JsonBodies.doubleValue(root, "cache_threshold").orElse(null));
        }
        if (root.containsKey("cache_ttl_seconds")) {
            Long ttl = JsonBodies.longValue(root, "cache_ttl_seconds").orElse(null);
            if (ttl != null && (ttl < 1 || ttl > Integer.MAX_VALUE)) {
                throw ApiException.invalid("cache_ttl_seconds", "'cache_ttl_seconds' must be a positive integer.");
            }
            changes.cacheTtlSeconds(ttl == null ? null : ttl.intValue());
        }
        if (root.containsKey("cache_max_temperature")) {
            changes.cacheMaxTemperature(JsonBodies.doubleValue(root, "cache_max_temperature").orElse(null));
        }
        return changes;
    }

    static JsonObject tenant(Tenant tenant) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("object", "tenant")
                .add("id", tenant.getId())
                .add("name", tenant.getName())
                .add("status", tenant.getStatus())
                .add("cache_enabled", tenant.isCacheEnabled());
        number(json, "cache_threshold", tenant.getCacheThreshold());
        number(json, "cache_ttl_seconds", tenant.getCacheTtlSeconds());
        number(json, "cache_max_temperature", tenant.getCacheMaxTemperature());
        instant(json, "created_at", tenant.getCreatedAt());
        instant(json, "updated_at", tenant.getUpdatedAt());
        return json.build();
    }

    /** A key as listed: never its secret nor its hash. */
    static JsonObjectBuilder key(ApiKey key) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("object", "api_key")
                .add("id", key.getKeyId())
                .add("tenant_id", key.getTenant().getId())
                .add("name", key.getName())
                .add("active", !key.isRevoked());
        instant(json, "created_at", key.getCreatedAt());
        instant(json, "revoked_at", key.getRevokedAt());
        return json;
    }

    static JsonObject budget(long tenantId, BudgetAccount budget) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("object", "budget")
                .add("tenant_id", tenantId)
                .add("unlimited", false)
                .add("limit_micros", budget.limitMicros());
        number(json, "soft_limit_micros", budget.softLimitMicros());
        json.add("spent_micros", budget.spentMicros())
                .add("reserved_micros", budget.reservedMicros())
                .add("period", budget.period());
        instant(json, "period_start", budget.periodStart());
        instant(json, "resets_at", budget.resetsAt());
        return json.build();
    }

    static JsonObject unlimited(long tenantId) {
        return Json.createObjectBuilder().add("object", "budget").add("tenant_id", tenantId).add("unlimited", true)
                .build();
    }

    private static void number(JsonObjectBuilder json, String field, Number value) {
        if (value == null) {
            json.addNull(field);
        } else if (value instanceof Double d) {
            json.add(field, d);
        } else {
            json.add(field, value.longValue());
        }
    }

    private static void instant(JsonObjectBuilder json, String field, Instant value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, value.toString());
        }
    }
}
