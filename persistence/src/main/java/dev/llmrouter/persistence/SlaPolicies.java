package dev.llmrouter.persistence;

import java.util.List;
import java.util.Optional;

/** SLA policies, and which tenants and keys follow them. */
public interface SlaPolicies {

    List<SlaPolicy> all();

    Optional<SlaPolicy> find(long id);

    Optional<SlaPolicy> findByName(String name);

    /** The policy a call follows: its key's, else its tenant's, else none. */
    Optional<SlaPolicy> forCaller(long tenantId, Long apiKeyId);

    /** Stores a new policy (its id and time are ignored); returns it as stored. */
    SlaPolicy create(SlaPolicy policy);

    /** Replaces the settings of policy {@code policy.id()}; empty when it does not exist. */
    Optional<SlaPolicy> update(SlaPolicy policy);

    /** False when it did not exist. Callers check {@link #followers} first: a policy in use cannot go. */
    boolean delete(long id);

    /** The names of the tenants, and the ids of the keys, that follow the policy. */
    Followers followers(long id);

    /** Sets (or with {@code null} clears) a tenant's policy; false when the tenant does not exist. */
    boolean assignToTenant(long tenantId, Long policyId);

    /** Sets (or clears) a key's own policy; false when the key is not the tenant's. */
    boolean assignToKey(long tenantId, long apiKeyId, Long policyId);

    /** Who follows a policy. */
    record Followers(List<String> tenants, List<Long> apiKeys) {

        public boolean none() {
            return tenants.isEmpty() && apiKeys.isEmpty();
        }
    }
}
