package dev.llmrouter.cache;

/**
 * What routing decided about the cache for one request, beyond the request's own cache controls: rules
 * may switch it off or set the similarity threshold; a dry run looks up without counting a hit.
 *
 * @param threshold the verifier threshold to use instead of the tenant's, or null
 */
public record CacheDirective(boolean disabled, Double threshold, boolean dryRun) {

    public static final CacheDirective NONE = new CacheDirective(false, null, false);
}
