package dev.llmrouter.cache;

/** Whether a cached question may answer an incoming one, with the score and the deciding reason. */
public record MatchDecision(boolean hit, double score, String reason) {
}
