package dev.llmrouter.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Router-wide cache defaults; a tenant's own settings override them. */
@ApplicationScoped
public class CacheSettings {

    @Inject
    @ConfigProperty(name = "router.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "router.cache.ttl-seconds", defaultValue = "86400")
    long defaultTtlSeconds;

    @Inject
    @ConfigProperty(name = "router.cache.max-ttl-seconds", defaultValue = "2592000")
    long maxTtlSeconds;

    @Inject
    @ConfigProperty(name = "router.cache.max-temperature", defaultValue = "0.7")
    double maxTemperature;

    @Inject
    @ConfigProperty(name = "router.cache.candidates", defaultValue = "5")
    int candidates;

    public boolean enabled() {
        return enabled;
    }

    public long defaultTtlSeconds() {
        return defaultTtlSeconds;
    }

    public long maxTtlSeconds() {
        return maxTtlSeconds;
    }

    public double maxTemperature() {
        return maxTemperature;
    }

    public int candidates() {
        return candidates;
    }
}
