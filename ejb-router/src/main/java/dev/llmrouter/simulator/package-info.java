/**
 * A protocol-faithful simulated Ollama, OpenAI and Anthropic upstream, so the router's default run, its tests and its
 * benchmarks can exercise real client libraries without a model; every answer it gives is labelled as simulated.
 */
package dev.llmrouter.simulator;
