package dev.llmrouter.persistence;

/**
 * A backend call about to hold money. {@code reference} is unique per attempt; the rest lets the
 * sweeper book the call in the usage ledger if the instance that made it dies before settling.
 */
public record PendingCall(String reference, String requestId, Long apiKeyId, String backend, String tier) {
}
