package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The decision behind every routed request, newest first; what feedback attaches to. */
public interface RoutingDecisions {

    long insert(NewRoutingDecision decision);

    /** The tenant's newest decision for a request id (ids come from clients and may repeat), with its embedding. */
    Optional<StoredDecision> latest(long tenantId, String requestId);

    /** One decision, with its ranking; without its embedding. */
    Optional<StoredDecision> find(long id);

    /** Newest first, without embeddings; {@code tenantId} null: every tenant's; {@code beforeId} pages back. */
    List<StoredDecision> recent(Long tenantId, Long beforeId, int limit);

    /** Stores (or replaces) the client's judgement of the answer. */
    boolean recordFeedback(long decisionId, double score, String comment);

    /** Deletes decisions recorded before the instant; returns how many went. */
    int purgeBefore(Instant before);
}
