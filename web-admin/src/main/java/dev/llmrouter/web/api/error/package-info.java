/**
 * Turns every failure into an OpenAI-style error body {@code {"error":{"message","type","param","code"}}}
 * with the right status; class names and stack traces stay in the server log.
 */
package dev.llmrouter.web.api.error;
