package dev.llmrouter.route.policy;

import java.io.Serializable;
import java.util.List;

/**
 * Every candidate in the order the router would try them (eligible ones first, best utility first), the
 * excluded ones after them with their reasons, and notes on bounds nobody could meet.
 */
public record Ranking(List<CandidateScore> scores, List<String> notes) implements Serializable {

    public Ranking {
        scores = List.copyOf(scores);
        notes = List.copyOf(notes);
    }

    public List<CandidateScore> eligible() {
        return scores.stream().filter(CandidateScore::eligible).toList();
    }
}
