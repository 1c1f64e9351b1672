package dev.llmrouter.startup;

import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.cache.SemanticMatchers;
import dev.llmrouter.embed.Embedder;
import dev.llmrouter.tenant.TenantBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the schema before anything serves traffic. Flyway takes a PostgreSQL advisory lock, so
 * several instances may start against one database at once; the first migrates, the others wait.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Inject
    TenantBootstrap tenantBootstrap;

    @Inject
    BackendRegistry backends;

    @Inject
    Embedder embedder;

    @Inject
    SemanticMatchers matchers;

    private volatile boolean migrated;

    @PostConstruct
    void start() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = true;
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
        tenantBootstrap.ensureFirstTenant();
        // The stored backends need the migrated schema: read them now rather than at the next refresh.
        backends.refresh();
        LOG.info(() -> backends.all().size() + " backend(s) ready to route");
        // Load and warm the embedding model and the cache's pair models now, not on the first request.
        matchers.warmUp(embedder.encode("warm up"));
    }

    public boolean migrated() {
        return migrated;
    }
}
