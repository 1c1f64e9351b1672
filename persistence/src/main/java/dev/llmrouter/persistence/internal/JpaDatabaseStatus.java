package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class JpaDatabaseStatus implements DatabaseStatus {

    private static final Logger LOG = Logger.getLogger(JpaDatabaseStatus.class.getName());
    private static final int QUERY_TIMEOUT_MS = 2_000;

    @PersistenceContext(unitName = "router")
    EntityManager em;

    @Override
    public boolean reachable() {
        try {
            Object one = em.createNativeQuery("select 1")
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MS)
                    .getSingleResult();
            return one != null;
        } catch (PersistenceException e) {
            LOG.log(Level.FINE, "database probe failed", e);
            return false;
        }
    }

    @Override
    public Optional<String> schemaVersion() {
        try {
            return em.createNativeQuery(
                            "select version from flyway_schema_history where success and version is not null "
                                    + "order by installed_rank desc limit 1")
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MS)
                    .getResultStream()
                    .findFirst()
                    .map(String::valueOf);
        } catch (PersistenceException e) {
            LOG.log(Level.FINE, "schema version query failed", e);
            return Optional.empty();
        }
    }
}
