/** In-process sentence embeddings (all-MiniLM-L6-v2, int8, DJL + ONNX Runtime); nothing is downloaded. */
package dev.llmrouter.embed;
