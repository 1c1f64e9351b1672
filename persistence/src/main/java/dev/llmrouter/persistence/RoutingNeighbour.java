package dev.llmrouter.persistence;

/** A stored example near a prompt: whose it is, how well its backend did, and the cosine similarity. */
public record RoutingNeighbour(long id, Long tenantId, String backend, String tier, String category, double score,
                               double similarity) {
}
