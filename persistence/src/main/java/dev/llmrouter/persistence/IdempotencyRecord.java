package dev.llmrouter.persistence;

/**
 * A request sent with an Idempotency-Key, as stored: who holds it ({@code requestId}), what was asked
 * ({@code requestHash}) and, once completed, the response to replay ({@code responseHeaders} is a JSON
 * object of header names to values).
 */
public record IdempotencyRecord(String requestHash, String requestId, boolean completed, int responseStatus,
                                String responseType, String responseHeaders, String responseBody) {
}
