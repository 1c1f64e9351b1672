/**
 * What a prompt is and how well each backend would answer it: the prompt profile (category, difficulty),
 * and the quality predictor the routing utility uses.
 */
package dev.llmrouter.classify;
