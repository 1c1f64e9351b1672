/**
 * The semantic cache: partition keys, the exact fast path, nearest-neighbour lookup in pgvector,
 * and the guards and verifier that refuse similar-looking but different questions.
 */
package dev.llmrouter.cache;
