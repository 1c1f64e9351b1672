package dev.llmrouter.cache;

import dev.llmrouter.embed.Embedder;
import dev.llmrouter.persistence.CacheEntries;
import dev.llmrouter.persistence.CachedAnswer;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A tenant's view of its own cache: list, search by meaning, delete, purge. Never another tenant's. */
@ApplicationScoped
public class CacheAdministration {

    public static final int MAX_PAGE = 200;

    @Inject
    CacheEntries entries;

    @Inject
    Embedder embedder;

    public List<CachedAnswer> list(Caller caller, int offset, int limit) {
        return entries.list(caller.tenantId(), Math.max(0, offset), clamp(limit));
    }

    public List<CachedAnswer> search(Caller caller, String query, int limit) {
        return entries.search(caller.tenantId(), embedder.embed(query), clamp(limit));
    }

    public boolean delete(Caller caller, long id) {
        return entries.delete(caller.tenantId(), id);
    }

    public int purge(Caller caller) {
        return entries.purge(caller.tenantId());
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }
}
