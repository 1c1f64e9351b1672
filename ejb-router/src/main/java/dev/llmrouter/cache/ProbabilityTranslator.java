package dev.llmrouter.cache;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/** Feeds one pair per call to a graph whose first output is the pair's probability. */
abstract class ProbabilityTranslator<I> implements Translator<I, Float> {

    @Override
    public Float processOutput(TranslatorContext ctx, NDList output) {
        return output.get(0).toFloatArray()[0];
    }

    /** One pair per call. */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
