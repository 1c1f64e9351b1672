/**
 * Historical performance of each backend: labelled outcomes (feedback and imports) that the quality
 * prediction learns from.
 */
package dev.llmrouter.stats;
