package dev.llmrouter.route.internal;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.classify.PromptProfile;
import dev.llmrouter.route.RoutingDecision;
import dev.llmrouter.route.policy.CandidateScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short, human-readable why behind {@code x-router-reason}: the winner's terms against the runner-up,
 * the rules that matched, budget pacing, and which candidates were left out. Explain has the whole story.
 */
final class Reasons {

    private Reasons() {
    }

    static String of(ChatRequest request, PromptProfile profile, RoutingDecision.Analysis analysis,
                     List<RoutingDecision.Candidate> tried) {
        List<String> parts = new ArrayList<>();
        List<CandidateScore> scores = analysis.ranking().scores();
        CandidateScore first = scores.stream().filter(s -> s.backend().equals(tried.get(0).model())).findFirst()
                .orElseThrow();
        CandidateScore runnerUp = scores.stream().filter(s -> s != first && s.eligible()).findFirst().orElse(null);
        String head = request.isAuto()
                ? String.format(Locale.ROOT, "auto: %s, difficulty %.2f -> %s", profile.category(),
                        profile.difficulty(), first.backend())
                : "model " + request.model() + " requested";
        parts.add(head + " " + terms(first) + (runnerUp == null ? ""
                : String.format(Locale.ROOT, " over %s %.2f", runnerUp.backend(), runnerUp.utility())));
        if (!analysis.rules().isEmpty()) {
            parts.add("rules: " + String.join(", ", analysis.rules()));
        }
        if (analysis.pacing() != null) {
            parts.add(analysis.pacing());
        }
        List<String> excluded = scores.stream().filter(s -> !s.eligible())
                .map(s -> s.backend() + " (" + s.exclusion().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                .toList();
        if (!excluded.isEmpty()) {
            parts.add("excluded: " + String.join(", ", excluded));
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
