package dev.llmrouter.tenant;

import dev.llmrouter.persistence.StartupLock;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.persistence.Tenants;
import dev.llmrouter.persistence.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives a fresh installation its first tenant and API key. The key comes from
 * {@code ROUTER_BOOTSTRAP_API_KEY} when set, otherwise it is generated and logged once.
 */
@ApplicationScoped
public class TenantBootstrap {

    private static final Logger LOG = Logger.getLogger(TenantBootstrap.class.getName());
    static final String FIRST_TENANT = "default";

    @Inject
    @ConfigProperty(name = "router.bootstrap.api-key")
    Optional<String> bootstrapKey;

    @Inject
    StartupLock startupLock;

    @Inject
    Tenants tenants;

    @Inject
    ApiKeys apiKeys;

    public void ensureFirstTenant() {
        startupLock.callLocked("llm-router.bootstrap", () -> {
            if (tenants.count() > 0) {
                return null;
            }
            boolean generated = bootstrapKey.filter(k -> !k.isBlank()).isEmpty();
            String key = generated ? ApiKeyFormat.generate() : bootstrapKey.get().strip();
            ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse(key).orElseThrow(() -> new IllegalStateException(
                    "ROUTER_BOOTSTRAP_API_KEY must be 16 to 512 printable ASCII characters without spaces"));
            Tenant tenant = tenants.create(FIRST_TENANT);
            byte[] salt = SecretHasher.newSalt();
            apiKeys.create(tenant, parsed.keyId(), salt, SecretHasher.hash(salt, parsed.secret()), "bootstrap");
            if (generated) {
                LOG.warning(() -> "Created tenant '" + FIRST_TENANT + "' with API key " + key
                        + " (shown once; only its hash is stored)");
            } else {
                LOG.info(() -> "Created tenant '" + FIRST_TENANT + "' with the key from ROUTER_BOOTSTRAP_API_KEY");
            }
            return null;
        });
    }
}
