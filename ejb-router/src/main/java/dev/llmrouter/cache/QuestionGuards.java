package dev.llmrouter.cache;

import java.util.Optional;

/**
 * Hard vetoes for a semantic hit. Embeddings place "What is 2+2?" next to "What is 2+3?" and
 * "cancel my order" next to "don't cancel my order"; a cached answer to one is wrong for the
 * other, so the two questions must agree on numbers, dates, units, negation, polarity and
 * named entities before similarity may decide.
 */
public final class QuestionGuards {

    /** The reason the two questions may not share an answer, or empty when no guard objects. */
    public Optional<String> refusal(String cachedQuestion, String incomingQuestion) {
        return refusal(new QuestionText(cachedQuestion), new QuestionText(incomingQuestion));
    }

    Optional<String> refusal(QuestionText a, QuestionText b) {
        if (!a.numbers.equals(b.numbers)) {
            return Optional.of("numbers differ: " + a.numbers + " vs " + b.numbers);
        }
        if (!a.dates.equals(b.dates)) {
            return Optional.of("dates differ: " + a.dates + " vs " + b.dates);
        }
        if (!a.units.equals(b.units)) {
            return Optional.of("units differ: " + a.units + " vs " + b.units);
        }
        if (a.negated != b.negated) {
            return Optional.of("negation differs");
        }
        Optional<String> polarity = opposite(a, b);
        if (polarity.isPresent()) {
            return polarity;
        }
        Optional<String> missing = missingEntity(a, b);
        return missing.isPresent() ? missing : missingEntity(b, a);
    }

    /** Refuses when one side uses a word whose opposite, and only the opposite, the other uses. */
    private static Optional<String> opposite(QuestionText a, QuestionText b) {
        for (String pairSide : a.polar.keySet()) {
            String other = flip(pairSide);
            if (!b.polar.containsKey(pairSide) && b.polar.containsKey(other) && !a.polar.containsKey(other)) {
                return Optional.of("opposite terms: " + a.polar.get(pairSide) + " vs " + b.polar.get(other));
            }
        }
        return Optional.empty();
    }

    private static String flip(String pairSide) {
        int colon = pairSide.indexOf(':');
        String side = pairSide.substring(colon + 1).equals("0") ? "1" : "0";
        return pairSide.substring(0, colon + 1) + side;
    }

    private static Optional<String> missingEntity(QuestionText from, QuestionText in) {
        for (String entity : from.entities) {
            if (!in.mentions(entity) && !in.callsBySurname(from.givenNames.get(entity))) {
                return Optional.of("entity not shared: " + entity);
            }
        }
        return Optional.empty();
    }
}
