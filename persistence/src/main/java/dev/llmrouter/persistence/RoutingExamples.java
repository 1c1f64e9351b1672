package dev.llmrouter.persistence;

import java.util.List;

/**
 * Labelled routing outcomes: how well a backend answered a prompt, found again by the prompt's embedding.
 * A tenant sees its own examples and the shared ones (tenant {@code null}); never another tenant's.
 */
public interface RoutingExamples {

    /** Stores one example; an example with the request id of a stored one for the same backend replaces its score. */
    long insert(NewRoutingExample example);

    /** Stores many examples in batches (admin imports, benchmarks); returns how many were stored. */
    int insertAll(List<NewRoutingExample> examples);

    /**
     * Up to {@code limit} examples nearest to the vector, most similar first, among the tenant's own and the
     * shared ones ({@code tenantId == null}: shared ones only).
     */
    List<RoutingNeighbour> nearest(Long tenantId, float[] embedding, int limit);

    /** Deletes every example of the tenant ({@code null}: the shared ones); returns how many went. */
    int purge(Long tenantId);
}
