package dev.llmrouter.backend.internal;

import dev.llmrouter.backend.admin.UrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The URL rules with this deployment's switch for private networks ({@code router.backends.allow-private-networks}). */
@ApplicationScoped
public class BackendUrlPolicy {

    @Inject
    @ConfigProperty(name = "router.backends.allow-private-networks", defaultValue = "false")
    boolean privateNetworksAllowed;

    public UrlPolicy policy() {
        return UrlPolicy.withSystemResolver(privateNetworksAllowed);
    }

    public boolean privateNetworksAllowed() {
        return privateNetworksAllowed;
    }
}
