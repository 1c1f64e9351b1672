package dev.llmrouter.persistence;

import java.util.List;
import java.util.Optional;

public interface ApiKeys {

    /** The key with this public id, revoked or not; the caller decides what revocation means. */
    Optional<ApiKey> findByKeyId(String keyId);

    ApiKey create(Tenant tenant, String keyId, byte[] salt, byte[] secretHash, String name);

    /** The tenant's keys, revoked ones included, oldest first. */
    List<ApiKey> listByTenant(long tenantId);

    /** Writes a changed key (its revocation) back. */
    ApiKey update(ApiKey key);
}
