/**
 * Idempotency-Key: a retried request returns the first request's stored answer instead of calling a model
 * and charging again. Keys are per tenant and live in PostgreSQL, never only in memory.
 */
package dev.llmrouter.idempotency;
