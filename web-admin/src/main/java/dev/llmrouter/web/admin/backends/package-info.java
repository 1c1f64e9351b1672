/** The backends this instance routes to: tier, endpoint, model, prices, concurrency, breaker and health. */
package dev.llmrouter.web.admin.backends;
