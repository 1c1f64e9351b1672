package dev.llmrouter.persistence;

/** Latency of the answered requests of one backend, in milliseconds. */
public record BackendLatency(String backend, long requests, double p50Millis, double p95Millis) {
}
