package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.UsageLedger;
import dev.llmrouter.persistence.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

@ApplicationScoped
public class JpaUsageLedger implements UsageLedger {

    @PersistenceContext(unitName = "router")
    EntityManager em;

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void append(UsageRecord usageRecord) {
        em.persist(usageRecord);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void appendWithin(UsageRecord usageRecord) {
        em.persist(usageRecord);
        // Fail inside the caller's transaction, not at its commit, so the caller sees which statement broke.
        em.flush();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<UsageRecord> findByRequestId(String requestId) {
        return em.createQuery("select u from UsageRecord u where u.requestId = :rid order by u.id", UsageRecord.class)
                .setParameter("rid", requestId)
                .getResultList();
    }
}
