package dev.llmrouter.route.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.admin.AdminTransaction;
import dev.llmrouter.admin.DuplicateNameException;
import dev.llmrouter.admin.InUseException;
import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.persistence.ApiKeys;
import dev.llmrouter.persistence.NameTakenException;
import dev.llmrouter.persistence.SlaPolicies;
import dev.llmrouter.persistence.SlaPolicy;
import dev.llmrouter.persistence.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * SLA policies and who follows them. A tenant follows at most one policy and each of its keys may follow
 * its own, which wins; a policy that anyone follows cannot be deleted. Every write is audited.
 */
@ApplicationScoped
public class SlaAdministration {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    static final int MAX_LATENCY_MS = 3_600_000;
    static final double MAX_COST_WEIGHT = 1e9;

    @Inject
    SlaPolicies policies;

    @Inject
    Tenants tenants;

    @Inject
    ApiKeys keys;

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminTransaction transaction;

    @Inject
    AuditTrail audit;

    public List<SlaPolicy> list() {
        return policies.all();
    }

    public SlaPolicy get(long id) {
        return policies.find(id).orElseThrow(() -> unknown(id));
    }

    public SlaPolicies.Followers followers(long id) {
        get(id);
        return policies.followers(id);
    }

    public SlaPolicy create(String actor, SlaSpec spec) {
        accounts.requireAdmin(actor);
        SlaPolicy policy = validate(0, spec);
        return write(actor, "sla.create", () -> policies.create(policy));
    }

    public SlaPolicy update(String actor, long id, SlaSpec spec) {
        accounts.requireAdmin(actor);
        get(id);
        SlaPolicy policy = validate(id, spec);
        return write(actor, "sla.update", () -> policies.update(policy).orElseThrow(() -> unknown(id)));
    }

    public void delete(String actor, long id) {
        accounts.requireAdmin(actor);
        SlaPolicy current = get(id);
        SlaPolicies.Followers followers = policies.followers(id);
        if (!followers.none()) {
            throw new InUseException("id", "SLA policy '" + current.name() + "' is followed by "
                    + (followers.tenants().isEmpty() ? "" : "tenants " + String.join(", ", followers.tenants()))
                    + (followers.tenants().isEmpty() || followers.apiKeys().isEmpty() ? "" : " and ")
                    + (followers.apiKeys().isEmpty() ? "" : followers.apiKeys().size() + " API keys")
                    + "; assign them another policy first.");
        }
        transaction.run(() -> {
            policies.delete(id);
            audit.record(actor, "sla.delete", "sla:" + id, Json.createObjectBuilder().add("name", current.name())
                    .build());
            return null;
        });
    }

    /** Makes the tenant follow the policy, or with {@code null} the router's defaults. */
    public void assignToTenant(String actor, long tenantId, Long policyId) {
        accounts.requireAdmin(actor);
        if (tenants.findById(tenantId).isEmpty()) {
            throw new UnknownObjectException("tenant", "No tenant " + tenantId + ".");
        }
        String policy = policyName(policyId);
        transaction.run(() -> {
            policies.assignToTenant(tenantId, policyId);
            audit.record(actor, "sla.assign", "tenant:" + tenantId, assignment(policy));
            return null;
        });
    }

    /** Makes one key (by its public id) follow its own policy, or with {@code null} its tenant's again. */
    public void assignToKey(String actor, long tenantId, String keyId, Long policyId) {
        accounts.requireAdmin(actor);
        long apiKeyId = keys.listByTenant(tenantId).stream().filter(k -> k.getKeyId().equals(keyId))
                .map(k -> k.getId()).findFirst()
                .orElseThrow(() -> new UnknownObjectException("key", "Tenant " + tenantId + " has no key " + keyId + "."));
        String policy = policyName(policyId);
        transaction.run(() -> {
            policies.assignToKey(tenantId, apiKeyId, policyId);
            audit.record(actor, "sla.assign", "tenant:" + tenantId + "/key:" + keyId, assignment(policy));
            return null;
        });
    }

    private String policyName(Long policyId) {
        if (policyId == null) {
            return null;
        }
        return policies.find(policyId).map(SlaPolicy::name)
                .orElseThrow(() -> new InvalidSettingException("policy", "No SLA policy " + policyId + "."));
    }

    public SlaPolicy validate(long id, SlaSpec spec) {
        if (spec == null || spec.name() == null || !NAME.matcher(spec.name()).matches()) {
            throw new InvalidSettingException("name", "'name' must be 1 to 64 letters, digits or . _ : - characters.");
        }
        policies.findByName(spec.name()).filter(p -> p.id() != id).ifPresent(p -> {
            throw new DuplicateNameException("name", "Another SLA policy is already named '" + spec.name() + "'.");
        });
        if (spec.latencyTargetMs() == null || spec.latencyTargetMs() < 1 || spec.latencyTargetMs() > MAX_LATENCY_MS) {
            throw new InvalidSettingException("latency_target_ms",
                    "'latency_target_ms' is required, from 1 to " + MAX_LATENCY_MS + ".");
        }
        if (spec.maxCostMicros() != null && spec.maxCostMicros() < 0) {
            throw new InvalidSettingException("max_cost_micros", "'max_cost_micros' cannot be negative.");
        }
        if (spec.minQuality() != null && !(spec.minQuality() >= 0 && spec.minQuality() <= 1)) {
            throw new InvalidSettingException("min_quality", "'min_quality' must be from 0 to 1.");
        }
        if (spec.costWeight() != null && !(spec.costWeight() >= 0 && spec.costWeight() <= MAX_COST_WEIGHT)) {
            throw new InvalidSettingException("cost_weight", "'cost_weight' must be from 0 to 1e9 (quality per USD).");
        }
        if (spec.description() != null && spec.description().length() > 500) {
            throw new InvalidSettingException("description", "'description' is longer than 500 characters.");
        }
        return new SlaPolicy(id, spec.name(), spec.description(), spec.latencyTargetMs(), spec.maxCostMicros(),
                spec.minQuality(), spec.costWeight(), null);
    }

    private SlaPolicy write(String actor, String action, Supplier<SlaPolicy> change) {
        try {
            return transaction.run(() -> {
                SlaPolicy p = change.get();
                JsonObjectBuilder detail = Json.createObjectBuilder().add("name", p.name())
                        .add("latency_target_ms", p.latencyTargetMs());
                if (p.maxCostMicros() != null) {
                    detail.add("max_cost_micros", p.maxCostMicros());
                }
                if (p.minQuality() != null) {
                    detail.add("min_quality", p.minQuality());
                }
                if (p.costWeight() != null) {
                    detail.add("cost_weight", p.costWeight());
                }
                audit.record(actor, action, "sla:" + p.id(), detail.build());
                return p;
            });
        } catch (NameTakenException e) {
            throw new DuplicateNameException("name", "Another SLA policy already has this name.");
        }
    }

    private static jakarta.json.JsonObject assignment(String policy) {
        return policy == null ? Json.createObjectBuilder().addNull("policy").build()
                : Json.createObjectBuilder().add("policy", policy).build();
    }

    private static UnknownObjectException unknown(long id) {
        return new UnknownObjectException("id", "No SLA policy " + id + ".");
    }
}
