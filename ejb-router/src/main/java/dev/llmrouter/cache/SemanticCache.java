package dev.llmrouter.cache;

import dev.llmrouter.chat.CacheOptions;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Usage;
import dev.llmrouter.embed.Embedded;
import dev.llmrouter.embed.Embedder;
import dev.llmrouter.persistence.CacheEntries;
import dev.llmrouter.persistence.CacheUnavailableException;
import dev.llmrouter.persistence.CachedAnswer;
import dev.llmrouter.persistence.NewCacheEntry;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.persistence.Tenants;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a request from a previous answer to the same question. Exact repeats hit through the
 * prompt hash without any embedding; otherwise the nearest entries of the same tenant and
 * partition are checked by the {@link SemanticMatcher}, whose guards refuse look-alikes. A cache
 * that cannot be reached is a miss, never an error.
 */
@ApplicationScoped
public class SemanticCache {

    private static final Logger LOG = Logger.getLogger(SemanticCache.class.getName());

    @Inject
    CacheEntries entries;

    @Inject
    Embedder embedder;

    @Inject
    SemanticMatchers matchers;

    @Inject
    CacheSettings settings;

    @Inject
    Tenants tenants;

    public CacheLookup lookup(Caller caller, ChatRequest request) {
        return lookup(caller, request, CacheDirective.NONE);
    }

    /**
     * As {@link #lookup(Caller, ChatRequest)}, under what routing rules decided: a switched-off cache is
     * neither read nor written, a threshold replaces the tenant's. A dry run (explain) finds the same
     * entry but counts no hit.
     */
    public CacheLookup lookup(Caller caller, ChatRequest request, CacheDirective directive) {
        PartitionKey key = PartitionKey.of(request);
        CacheOptions options = request.cache();
        Optional<Tenant> tenant = tenants.findById(caller.tenantId());
        boolean usable = settings.enabled() && tenant.map(Tenant::isCacheEnabled).orElse(false)
                && !key.question().isBlank() && !directive.disabled();
        if (!usable || !options.mayRead()) {
            return CacheLookup.bypass(key, usable && options.mayWrite());
        }
        Instant notBefore = options.maxAgeSeconds() == null ? Instant.EPOCH
                : Instant.now().minusSeconds(options.maxAgeSeconds());
        try {
            Optional<CachedAnswer> exact = entries.findExact(caller.tenantId(), key.partitionHash(), key.promptHash(),
                    notBefore);
            if (exact.isPresent()) {
                recordHit(exact.get(), directive);
                return new CacheLookup(CacheStatus.HIT, key, exact.get(), null, 1.0, false);
            }
            Embedded incoming = embedder.encode(key.question());
            float[] embedding = incoming.vector();
            List<CachedAnswer> nearest = entries.findNearest(caller.tenantId(), key.partitionHash(), embedding,
                    settings.candidates(), notBefore);
            SemanticMatcher matcher = matchers.forThreshold(directive.threshold() != null ? directive.threshold()
                    : tenant.get().getCacheThreshold());
            for (CachedAnswer candidate : nearest) {
                MatchDecision decision = matcher.decide(candidate.question(), key.question(), candidate.embedding(),
                        incoming, () -> embedder.encode(candidate.question()));
                if (decision.hit()) {
                    recordHit(candidate, directive);
                    return new CacheLookup(CacheStatus.SEMANTIC_HIT, key, candidate, embedding,
                            candidate.similarity(), false);
                }
            }
            Double best = nearest.isEmpty() ? null : nearest.get(0).similarity();
            return new CacheLookup(CacheStatus.MISS, key, null, embedding, best, options.mayWrite());
        } catch (CacheUnavailableException e) {
            LOG.log(Level.WARNING, "Cache unavailable; answering without it", e);
            return CacheLookup.bypass(key, false);
        }
    }

    private void recordHit(CachedAnswer entry, CacheDirective directive) {
        if (!directive.dryRun()) {
            entries.recordHit(entry.id());
        }
    }

    /** Stores a complete answer when the request, the tenant and the answer all allow it. */
    public Optional<Long> admit(Caller caller, ChatRequest request, CacheLookup lookup, String answer,
                                String finishReason, String model, Usage usage) {
        if (!lookup.mayStore() || !"stop".equals(finishReason) || answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = tenants.findById(caller.tenantId());
        double maxTemperature = tenant.map(Tenant::getCacheMaxTemperature).orElse(null) == null
                ? settings.maxTemperature() : tenant.get().getCacheMaxTemperature();
        if (request.temperature() != null && request.temperature() > maxTemperature) {
            return Optional.empty();
        }
        long ttl = ttlSeconds(request.cache(), tenant.map(Tenant::getCacheTtlSeconds).orElse(null));
        try {
            float[] embedding = lookup.embedding() != null ? lookup.embedding() : embedder.embed(lookup.key().question());
            PartitionKey key = lookup.key();
            return Optional.of(entries.insert(new NewCacheEntry(caller.tenantId(), key.partitionHash(),
                    key.promptHash(), key.question(), embedding, answer, model, usage.promptTokens(),
                    usage.completionTokens(), Instant.now().plusSeconds(ttl))));
        } catch (CacheUnavailableException e) {
            LOG.log(Level.WARNING, "Cache unavailable; answer not stored", e);
            return Optional.empty();
        }
    }

    long ttlSeconds(CacheOptions options, Integer tenantTtl) {
        long ttl = options.ttlSeconds() != null ? options.ttlSeconds()
                : tenantTtl != null ? tenantTtl : settings.defaultTtlSeconds();
        return Math.max(1, Math.min(ttl, settings.maxTtlSeconds()));
    }
}
