/**
 * The cloud tier for OpenAI-compatible chat-completion APIs (OpenAI, vLLM, llama.cpp server,
 * OpenRouter...), reached through a MicroProfile REST Client; JSON and server-sent events.
 */
package dev.llmrouter.backend.openai;
