package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.StartupLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Supplier;

/** A transaction-scoped PostgreSQL advisory lock: released at commit or rollback, even if the JVM dies. */
@ApplicationScoped
public class PostgresStartupLock implements StartupLock {

    @PersistenceContext(unitName = "router")
    EntityManager em;

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public <T> T callLocked(String lockName, Supplier<T> work) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, lockName)
                .getSingleResult();
        return work.get();
    }
}
