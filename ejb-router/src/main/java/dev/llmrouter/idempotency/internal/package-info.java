/** How idempotency keys are claimed, completed, released and swept. */
package dev.llmrouter.idempotency.internal;
