package dev.llmrouter.persistence;

import java.time.Instant;

/**
 * One time bucket of one tier: answered requests, failed or refused attempts, what they cost and
 * what they saved against the cheapest cloud model (shadow cost minus cost), in micro-USD.
 */
public record UsageBucket(Instant start, String tier, long answered, long failed, long costMicros,
                          long savedMicros) {
}
