package dev.llmrouter.route.policy;

import dev.llmrouter.chat.Tier;
import java.io.Serializable;

/**
 * One candidate as ranked: each term of its utility and, when it will not be tried, why.
 *
 * @param costPenalty    cost weight x predicted USD
 * @param latencyMs      predicted time the SLA is judged on (first token when streaming, else the whole answer)
 * @param targetMs       the latency the SLA asks for, or null without one
 * @param latencyPenalty SLA weight x seconds beyond the target
 * @param exclusion      the kind of reason it is not a candidate, or null when it is
 * @param excluded       why it is not a candidate, in words, or null when it is
 */
public record CandidateScore(String backend, Tier tier, boolean simulated, double quality, String qualityBasis,
                             long costMicros, double costPenalty, LatencyPrediction latency, long latencyMs,
                             Long targetMs, double latencyPenalty, double utility, Exclusion exclusion,
                             String excluded)
        implements Serializable {

    public boolean eligible() {
        return exclusion == null;
    }

    CandidateScore exclude(Exclusion kind, String why) {
        return new CandidateScore(backend, tier, simulated, quality, qualityBasis, costMicros, costPenalty, latency,
                latencyMs, targetMs, latencyPenalty, utility, kind, why);
    }
}
