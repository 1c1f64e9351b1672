/**
 * The cloud tier for Anthropic's Messages API (Claude), reached through a MicroProfile REST Client;
 * JSON and Anthropic's named server-sent events.
 */
package dev.llmrouter.backend.anthropic;
