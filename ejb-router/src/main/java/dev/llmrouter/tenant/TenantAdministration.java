package dev.llmrouter.tenant;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.admin.AdminTransaction;
import dev.llmrouter.admin.DuplicateNameException;
import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.persistence.ApiKey;
import dev.llmrouter.persistence.ApiKeys;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.persistence.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tenants and their API keys for the admin API. A key's full text is returned once, when it is
 * issued; only its key id and salted hash are stored. Keys are checked against the database on every
 * request (no cache), so a revocation or suspension holds on every router instance at once.
 */
@ApplicationScoped
public class TenantAdministration {

    public static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern KEY_NAME = Pattern.compile("[\\p{Alnum} ._:-]{1,64}");

    @Inject
    Tenants tenants;

    @Inject
    ApiKeys apiKeys;

    @Inject
    AuditTrail audit;

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminTransaction transaction;

    public List<Tenant> list() {
        return tenants.list();
    }

    public Tenant get(long tenantId) {
        return tenants.findById(tenantId).orElseThrow(() -> new UnknownObjectException("tenant_id",
                "No tenant " + tenantId + "."));
    }

    public Tenant create(String actor, TenantChanges settings) {
        accounts.requireAdmin(actor);
        if (!settings.has("name")) {
            throw new InvalidSettingException("name", "'name' is required.");
        }
        validate(settings);
        checkName(settings.name());
        return transaction.run(() -> {
            Tenant tenant = tenants.create(settings.name());
            apply(tenant, settings);
            tenant = tenants.update(tenant);
            audit.record(actor, "tenant.create", target(tenant), detail(settings).build());
            return tenant;
        });
    }

    public Tenant update(String actor, long tenantId, TenantChanges changes) {
        accounts.requireAdmin(actor);
        validate(changes);
        Tenant tenant = get(tenantId);
        if (changes.has("name") && !changes.name().equals(tenant.getName())) {
            checkName(changes.name());
        }
        String action = changes.fields().equals(Set.of("status"))
                ? (Tenant.ACTIVE.equals(changes.status()) ? "tenant.activate" : "tenant.suspend") : "tenant.update";
        return transaction.run(() -> {
            // Changed on the row as it is now, inside the transaction: concurrent edits of other fields stay.
            Tenant current = tenants.findById(tenantId).orElseThrow();
            apply(current, changes);
            Tenant updated = tenants.update(current);
            audit.record(actor, action, target(updated), detail(changes).build());
            return updated;
        });
    }

    public List<ApiKey> keys(long tenantId) {
        get(tenantId);
        return apiKeys.listByTenant(tenantId);
    }

    public IssuedKey createKey(String actor, long tenantId, String name) {
        accounts.requireAdmin(actor);
        String keyName = checkKeyName(name);
        Tenant tenant = get(tenantId);
        return transaction.run(() -> {
            IssuedKey issued = issue(tenant, keyName);
            audit.record(actor, "key.create", target(tenant) + "/key:" + issued.key().getKeyId(),
                    Json.createObjectBuilder().add("name", keyName).build());
            return issued;
        });
    }

    /** Revokes the key now; revoking a revoked key changes nothing. */
    public ApiKey revokeKey(String actor, long tenantId, String keyId) {
        accounts.requireAdmin(actor);
        key(tenantId, keyId);
        return transaction.run(() -> {
            ApiKey key = apiKeys.findByKeyId(keyId).orElseThrow();
            key.revokeAt(Instant.now());
            ApiKey revoked = apiKeys.update(key);
            audit.record(actor, "key.revoke", target(revoked.getTenant()) + "/key:" + keyId, null);
            return revoked;
        });
    }

    /**
     * Issues a new key with the old one's name, and revokes the old one after {@code grace} (zero: at
     * once), so clients can switch over without an outage.
     */
    public IssuedKey rotateKey(String actor, long tenantId, String keyId, Duration grace) {
        accounts.requireAdmin(actor);
        if (grace.isNegative() || grace.getSeconds() > MAX_GRACE_SECONDS) {
            throw new InvalidSettingException("grace_seconds",
                    "'grace_seconds' must be between 0 and " + MAX_GRACE_SECONDS + ".");
        }
        ApiKey old = key(tenantId, keyId);
        if (old.isRevoked()) {
            throw new InvalidSettingException("key_id", "Key " + keyId + " is revoked; create a new key instead.");
        }
        return transaction.run(() -> {
            ApiKey current = apiKeys.findByKeyId(keyId).orElseThrow();
            current.revokeAt(Instant.now().plus(grace));
            apiKeys.update(current);
            IssuedKey issued = issue(old.getTenant(), old.getName());
            audit.record(actor, "key.rotate", target(old.getTenant()) + "/key:" + keyId, Json.createObjectBuilder()
                    .add("new_key_id", issued.key().getKeyId())
                    .add("grace_seconds", grace.getSeconds()).build());
            return issued;
        });
    }

    private ApiKey key(long tenantId, String keyId) {
        get(tenantId);
        return apiKeys.findByKeyId(keyId)
                .filter(k -> k.getTenant().getId() == tenantId)
                .orElseThrow(() -> new UnknownObjectException("key_id", "Tenant " + tenantId + " has no key " + keyId + "."));
    }

    private IssuedKey issue(Tenant tenant, String name) {
        String text = ApiKeyFormat.generate();
        ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse(text).orElseThrow();
        byte[] salt = SecretHasher.newSalt();
        ApiKey key = apiKeys.create(tenant, parsed.keyId(), salt, SecretHasher.hash(salt, parsed.secret()), name);
        return new IssuedKey(key, text);
    }

    private void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSettingException("name", "'name' must be 1 to 64 letters, digits or . _ - characters,"
                    + " starting with a letter or digit.");
        }
        if (tenants.findByName(name).isPresent()) {
            throw new DuplicateNameException("name", "A tenant named '" + name + "' already exists.");
        }
    }

    private static String checkKeyName(String name) {
        if (name == null) {
            return "default";
        }
        if (!KEY_NAME.matcher(name).matches()) {
            throw new InvalidSettingException("name", "A key's 'name' must be 1 to 64 letters, digits, spaces or . _ : -.");
        }
        return name;
    }

    /** Refuses any out-of-range field before anything is written. */
    private static void validate(TenantChanges changes) {
        if (changes.has("status") && !Tenant.ACTIVE.equals(changes.status())
                && !Tenant.SUSPENDED.equals(changes.status())) {
            throw new InvalidSettingException("status", "'status' must be ACTIVE or SUSPENDED.");
        }
        if (changes.has("cache_enabled") && changes.cacheEnabled() == null) {
            throw new InvalidSettingException("cache_enabled", "'cache_enabled' must be true or false.");
        }
        Double threshold = changes.cacheThreshold();
        if (changes.has("cache_threshold") && threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new InvalidSettingException("cache_threshold", "'cache_threshold' must be between 0 and 1.");
        }
        Integer ttl = changes.cacheTtlSeconds();
        if (changes.has("cache_ttl_seconds") && ttl != null && ttl <= 0) {
            throw new InvalidSettingException("cache_ttl_seconds", "'cache_ttl_seconds' must be positive.");
        }
        Double temperature = changes.cacheMaxTemperature();
        if (changes.has("cache_max_temperature") && temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new InvalidSettingException("cache_max_temperature",
                    "'cache_max_temperature' must be between 0 and 2.");
        }
    }

    private static void apply(Tenant tenant, TenantChanges changes) {
        if (changes.has("name")) {
            tenant.setName(changes.name());
        }
        if (changes.has("status")) {
            tenant.setStatus(changes.status());
        }
        if (changes.has("cache_enabled")) {
            tenant.setCacheEnabled(changes.cacheEnabled());
        }
        if (changes.has("cache_threshold")) {
            tenant.setCacheThreshold(changes.cacheThreshold());
        }
        if (changes.has("cache_ttl_seconds")) {
            tenant.setCacheTtlSeconds(changes.cacheTtlSeconds());
        }
        if (changes.has("cache_max_temperature")) {
            tenant.setCacheMaxTemperature(changes.cacheMaxTemperature());
        }
    }

    private static String target(Tenant tenant) {
        return "tenant:" + tenant.getId();
    }

    private static JsonObjectBuilder detail(TenantChanges changes) {
        JsonObjectBuilder detail = Json.createObjectBuilder();
        for (String field : new TreeSet<>(changes.fields())) {
            Object value = switch (field) {
                case "name" -> changes.name();
                case "status" -> changes.status();
                case "cache_enabled" -> changes.cacheEnabled();
                case "cache_threshold" -> changes.cacheThreshold();
                case "cache_ttl_seconds" -> changes.cacheTtlSeconds();
                default -> changes.cacheMaxTemperature();
            };
            if (value == null) {
                detail.addNull(field);
            } else if (value instanceof String text) {
                detail.add(field, text);
            } else if (value instanceof Boolean flag) {
                detail.add(field, flag);
            } else if (value instanceof Integer number) {
                detail.add(field, number);
            } else {
                detail.add(field, (Double) value);
            }
        }
        return detail;
    }
}
