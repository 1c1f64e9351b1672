package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.ApiKey;
import dev.llmrouter.persistence.ApiKeys;
import dev.llmrouter.persistence.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class JpaApiKeys implements ApiKeys {

    @PersistenceContext(unitName = "router")
    EntityManager em;

    @Override
    public Optional<ApiKey> findByKeyId(String keyId) {
        return em.createQuery("select k from ApiKey k join fetch k.tenant where k.keyId = :keyId", ApiKey.class)
                .setParameter("keyId", keyId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ApiKey> listByTenant(long tenantId) {
        return em.createQuery("select k from ApiKey k join fetch k.tenant where k.tenant.id = :tenantId order by k.id",
                        ApiKey.class)
                .setParameter("tenantId", tenantId)
                .getResultList();
    }

    @Override
    public ApiKey update(ApiKey key) {
        ApiKey merged = em.merge(key);
        em.flush();
        return merged;
    }

    @Override
    public ApiKey create(Tenant tenant, String keyId, byte[] salt, byte[] secretHash, String name) {
        // A reference, not a merge: a stale copy of the tenant must never overwrite its current row.
        ApiKey key = new ApiKey(em.getReference(Tenant.class, tenant.getId()), keyId, salt, secretHash, name);
        em.persist(key);
        em.flush();
        em.refresh(key);
        return key;
    }
}
