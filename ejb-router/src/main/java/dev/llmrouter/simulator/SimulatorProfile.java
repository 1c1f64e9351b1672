package dev.llmrouter.simulator;

/**
 * Default timing and length of simulated answers; per-request directives can override each value.
 *
 * @param ttftMillis       delay before the first token
 * @param tokensPerSecond  pace of the following tokens; {@code Double.POSITIVE_INFINITY} sends them without delay
 * @param completionTokens length of an answer when the request sets no smaller limit
 */
public record SimulatorProfile(long ttftMillis, double tokensPerSecond, int completionTokens) {

    public SimulatorProfile {
        if (ttftMillis < 0) {
            throw new IllegalArgumentException("ttftMillis must be >= 0: " + ttftMillis);
        }
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("tokensPerSecond must be > 0: " + tokensPerSecond);
        }
        if (completionTokens < 0) {
            throw new IllegalArgumentException("completionTokens must be >= 0: " + completionTokens);
        }
    }

    /** Roughly a small model on a local GPU. */
    public static SimulatorProfile local() {
        return new SimulatorProfile(60, 80, 48);
    }

    /** Roughly a hosted model: slower to start, faster once streaming. */
    public static SimulatorProfile cloud() {
        return new SimulatorProfile(250, 150, 64);
    }

    long interTokenNanos() {
        return Double.isInfinite(tokensPerSecond) ? 0 : (long) (1_000_000_000L / tokensPerSecond);
    }
}
