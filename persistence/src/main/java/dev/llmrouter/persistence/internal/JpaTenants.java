package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.persistence.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class JpaTenants implements Tenants {

    @PersistenceContext(unitName = "router")
    EntityManager em;

    @Override
    public Optional<Tenant> findByName(String name) {
        return em.createQuery("select t from Tenant t where t.name = :name", Tenant.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Tenant> findById(long id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    @Override
    public long count() {
        return em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult();
    }

    @Override
    public List<Tenant> list() {
        return em.createQuery("select t from Tenant t order by t.id", Tenant.class).getResultList();
    }

    @Override
    public Tenant update(Tenant tenant) {
        tenant.touch(Instant.now());
        Tenant merged = em.merge(tenant);
        em.flush();
        // Answer with what the database stores (timestamps in microseconds), as every later read will.
        em.refresh(merged);
        return merged;
    }

    @Override
    public Tenant create(String name) {
        Tenant tenant = new Tenant(name);
        em.persist(tenant);
        em.flush();
        // Read back what the database filled in (created_at, defaults).
        em.refresh(tenant);
        return tenant;
    }
}
