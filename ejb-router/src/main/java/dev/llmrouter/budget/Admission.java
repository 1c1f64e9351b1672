package dev.llmrouter.budget;

import dev.llmrouter.chat.ChatRequest;

/**
 * Permission to call one backend once. With a reservation, the call is bound to the output tokens
 * the reservation paid for, and its cost is capped at the amount reserved.
 */
public record Admission(long reservationId, long reservedMicros, Integer maxOutputTokens) {

    /** Free calls and tenants without a budget: nothing reserved, nothing bound. */
    public static final Admission UNRESERVED = new Admission(0, 0, null);

    public boolean reserved() {
        return reservationId > 0;
    }

    /** The request as it may go upstream: max_tokens clamped to what was reserved. */
    public ChatRequest bound(ChatRequest request) {
        return maxOutputTokens == null ? request : request.withMaxTokens(maxOutputTokens);
    }

    /** What the tenant is charged for a call that cost {@code costMicros}: never more than reserved. */
    public long charge(long costMicros) {
        return reserved() ? Math.min(costMicros, reservedMicros) : costMicros;
    }
}
