package dev.llmrouter.route.policy;

/** Why a candidate is not tried: the kind decides what happens when no candidate is left. */
public enum Exclusion {
    /** A routing rule forbids it, or forces another tier or backend. */
    RULE,
    /** Its breaker is open or its queue is full: it would refuse at once. */
    UNAVAILABLE,
    /** Its predicted cost is above the request's maximum. */
    MAX_COST,
    /** Its predicted cost is above what the budget has left. */
    BUDGET,
    /** It is predicted to miss the request's deadline while another candidate meets it. */
    DEADLINE,
    /** Its predicted quality is below the minimum while another candidate reaches it. */
    MIN_QUALITY;

    /**
     * Whether the router may still call it when nothing else is left: the budget's own admission and the
     * backend's own guards then give the precise refusal (429 with Retry-After, circuit open).
     */
    public boolean lastResort() {
        return this == BUDGET || this == UNAVAILABLE;
    }
}
