/**
 * The SPI every model backend implements, its request/response records, normalised errors, and
 * the registry that builds backends from configuration and wraps each in its own guards (the one
 * retry layer, a circuit breaker, a bulkhead with a bounded wait queue). Adapters live in
 * sub-packages, one per wire protocol; the router finds their factories through CDI, never through
 * a switch on kinds.
 */
package dev.llmrouter.backend;
