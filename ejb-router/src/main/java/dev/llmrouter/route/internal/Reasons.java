package dev.llmrouter.route.internal;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.classify.PromptProfile;
import dev.llmrouter.route.RoutingDecision;
import dev.llmrouter.route.policy.CandidateScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The short, human-readable why behind {@code x-router-reason}: the winner's terms against the runner-up. */
final class Reasons {

    private Reasons() {
    }

    static String of(ChatRequest request, PromptProfile profile, RoutingDecision.Analysis analysis,
                     List<RoutingDecision.Candidate> tried) {
        List<String> parts = new ArrayList<>();
        parts.add(request.isAuto() ? "auto: " + profile.because() : "model " + request.model() + " requested");
        List<CandidateScore> scores = analysis.ranking().scores();
        CandidateScore first = scores.stream().filter(s -> s.backend().equals(tried.get(0).model())).findFirst()
                .orElseThrow();
        String winner = first.backend() + " " + terms(first);
        if (!first.eligible()) {
            winner += " although " + first.excluded();
        }
        CandidateScore runnerUp = scores.stream().filter(s -> s != first && s.eligible()).findFirst().orElse(null);
        if (runnerUp != null) {
            winner += " over " + runnerUp.backend() + " " + terms(runnerUp);
        }
        parts.add(winner);
        scores.stream().filter(s -> s != first && !s.eligible()).forEach(s -> parts.add(s.backend() + " excluded: "
                + s.excluded()));
        if (!analysis.rules().isEmpty()) {
            parts.add("rules " + String.join(", ", analysis.rules()));
        }
        if (analysis.pacing() != null) {
            parts.add(analysis.pacing());
        }
        parts.addAll(analysis.ranking().notes());
        return String.join("; ", parts);
    }

    private static String terms(CandidateScore s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "utility %.2f (quality %.2f, cost %.2f",
                s.utility(), s.quality(), s.costPenalty()));
        if (s.latencyPenalty() > 0) {
            b.append(String.format(Locale.ROOT, ", late %.2f", s.latencyPenalty()));
        }
        return b.append(')').toString();
    }
}
