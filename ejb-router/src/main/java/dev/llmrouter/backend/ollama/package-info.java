/** The local tier: models served by Ollama, reached through langchain4j-ollama. */
package dev.llmrouter.backend.ollama;
