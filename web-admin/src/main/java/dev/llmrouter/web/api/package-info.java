/** The OpenAI-compatible HTTP API: thin JAX-RS adapters over {@link dev.llmrouter.route.RouterService}. */
package dev.llmrouter.web.api;
