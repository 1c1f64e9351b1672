package dev.llmrouter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QualityPriorTest {

    private static final int F = PromptFeatures.NAMES.size();
    private static final int HAS_OPTIONS = PromptFeatures.NAMES.indexOf("has_options");

    /**
     * Two embedding dimensions. The multiple-choice segment reads the first feature and the embedding: its
     * local head weighs the feature, its cloud head the last dimension. The free-form segment reads the
     * last feature only, and its heads are a constant apart from it.
     */
    private static QualityPrior tiny() {
        double[] mean = new double[3];
        double[] scale = new double[3];
        Arrays.fill(scale, 2);
        mean[0] = 1;
        QualityPrior.Segment options = new QualityPrior.Segment(new int[] {0}, true, mean, scale,
                new QualityPrior.Head(new double[0][], new double[] {0.5, 1, 0, 0}),
                new QualityPrior.Head(new double[0][], new double[] {0, 0, 0, -3}));
        QualityPrior.Segment free = new QualityPrior.Segment(new int[] {F - 1}, false, new double[] {0},
                new double[] {1}, new QualityPrior.Head(new double[0][], new double[] {-1, 2}),
                new QualityPrior.Head(new double[0][], new double[] {1, 0}));
        return new QualityPrior(2, options, free);
    }

    private static double[] multipleChoice() {
        double[] features = new double[F];
        features[HAS_OPTIONS] = 1;
        return features;
    }

    private static Properties written(QualityPrior.Segment options, QualityPrior.Segment free) {
        Properties p = new Properties();
        p.setProperty("dimensions", "2");
        p.setProperty("segments", "options,free");
        put(p, "options", options, "log_chars");
        put(p, "free", free, PromptFeatures.NAMES.get(F - 1));
        return p;
    }

    private static void put(Properties p, String name, QualityPrior.Segment s, String features) {
        p.setProperty(name + ".features", features);
        p.setProperty(name + ".embedding", String.valueOf(s.embedding()));
        p.setProperty(name + ".input.mean", join(s.mean()));
        p.setProperty(name + ".input.scale", join(s.scale()));
        p.setProperty(name + ".local.hidden", "0");
        p.setProperty(name + ".local.output", join(s.local().output()));
        p.setProperty(name + ".cloud.hidden", "0");
        p.setProperty(name + ".cloud.output", join(s.cloud().output()));
    }

    private static String join(double[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(Double::toString).toList());
    }

    private static Properties tinyProperties() {
        double[] mean = {1, 0, 0};
        double[] scale = {2, 2, 2};
        return written(new QualityPrior.Segment(new int[] {0}, true, mean, scale,
                        new QualityPrior.Head(new double[0][], new double[] {0.5, 1, 0, 0}),
                        new QualityPrior.Head(new double[0][], new double[] {0, 0, 0, -3})),
                new QualityPrior.Segment(new int[] {F - 1}, false, new double[] {0}, new double[] {1},
                        new QualityPrior.Head(new double[0][], new double[] {-1, 2}),
                        new QualityPrior.Head(new double[0][], new double[] {1, 0})));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void eachTierHasItsOwnHeadOnStandardisedInputs() {
        double[] features = multipleChoice();
        features[0] = 5;

        QualityPrior prior = tiny();

        assertEquals(sigmoid(0.5 + (5 - 1) / 2.0), prior.predict(Tier.LOCAL, features, new float[] {0, 1}), 1e-12);
        assertEquals(sigmoid(-3 * 0.5), prior.predict(Tier.CLOUD, features, new float[] {0, 1}), 1e-12);
    }

    @Test
    void freeFormPromptsHaveTheirOwnSegmentThatReadsItsOwnFeatures() {
        double[] features = new double[F];
        features[0] = 5;
        features[F - 1] = 0.75;

        QualityPrior prior = tiny();

        assertEquals(sigmoid(-1 + 2 * 0.75), prior.predict(Tier.LOCAL, features, new float[] {0, 1}), 1e-12);
        assertEquals(sigmoid(1), prior.predict(Tier.CLOUD, features, new float[] {9, 9}), 1e-12);
        assertTrue(QualityPrior.isMultipleChoice(multipleChoice()));
        assertFalse(QualityPrior.isMultipleChoice(features));
        assertFalse(QualityPrior.isMultipleChoice(null));
    }

    @Test
    void missingInputsCountAsTheTrainingAverage() {
        QualityPrior prior = tiny();
        double[] average = multipleChoice();
        average[0] = 1;

        assertEquals(sigmoid(0.5), prior.predict(Tier.LOCAL, average, null), 1e-12);
        assertEquals(0.5, prior.predict(Tier.CLOUD, average, null), 1e-12);
        assertEquals(sigmoid(-1), prior.predict(Tier.LOCAL, null, null), 1e-12);
        assertEquals(sigmoid(-1), prior.predict(Tier.LOCAL, new double[3], new float[5]), 1e-12);
    }

    @Test
    void readsWhatTheTrainerWritesAndMapsFeaturesByName() {
        QualityPrior read = QualityPrior.from(tinyProperties());
        QualityPrior built = tiny();
        double[] features = multipleChoice();
        features[0] = 3;
        features[F - 1] = 2;
        double[] free = features.clone();
        free[HAS_OPTIONS] = 0;

        for (Tier tier : new Tier[] {Tier.LOCAL, Tier.CLOUD}) {
            assertEquals(built.predict(tier, features, new float[] {1, 2}),
                    read.predict(tier, features, new float[] {1, 2}), 1e-12);
            assertEquals(built.predict(tier, free, null), read.predict(tier, free, null), 1e-12);
        }
    }

    @Test
    void oneSegmentMayServeEveryPrompt() {
        Properties p = new Properties();
        p.setProperty("dimensions", "0");
        p.setProperty("segments", "all");
        p.setProperty("all.features", "");
        p.setProperty("all.embedding", "false");
        p.setProperty("all.input.mean", "");
        p.setProperty("all.input.scale", "");
        p.setProperty("all.local.hidden", "0");
        p.setProperty("all.local.output", "2");
        p.setProperty("all.cloud.hidden", "0");
        p.setProperty("all.cloud.output", "3");

        QualityPrior prior = QualityPrior.from(p);

        assertEquals(sigmoid(2), prior.predict(Tier.LOCAL, multipleChoice(), null), 1e-12);
        assertEquals(sigmoid(3), prior.predict(Tier.CLOUD, null, null), 1e-12);
    }

    @Test
    void parametersFittedOnOtherFeaturesOrBrokenAreRefused() {
        Properties unknownFeature = tinyProperties();
        unknownFeature.setProperty("free.features", "something_else");
        assertThrows(IllegalStateException.class, () -> QualityPrior.from(unknownFeature));

        Properties oldFormat = new Properties();
        oldFormat.setProperty("features", "log_chars");
        oldFormat.setProperty("dimensions", "384");
        assertThrows(IllegalStateException.class, () -> QualityPrior.from(oldFormat));

        Properties wrongSegments = tinyProperties();
        wrongSegments.setProperty("segments", "options,chat");
        assertThrows(IllegalStateException.class, () -> QualityPrior.from(wrongSegments));

        Properties shortHead = tinyProperties();
        shortHead.setProperty("options.cloud.output", "0,0,0");
        assertThrows(IllegalArgumentException.class, () -> QualityPrior.from(shortHead));

        Properties notNumbers = tinyProperties();
        notNumbers.setProperty("free.input.mean", "zero");
        assertThrows(IllegalStateException.class, () -> QualityPrior.from(notNumbers));

        Properties zeroScale = tinyProperties();
        zeroScale.setProperty("free.input.scale", "0");
        assertThrows(IllegalArgumentException.class, () -> QualityPrior.from(zeroScale));
    }

    private static Properties withCombiner() {
        Properties p = tinyProperties();
        p.setProperty("options.combiner.inputs", String.join(",", QualityPrior.Combiner.INPUTS));
        // local: history_local (input 2) below 0.5 -> -2, else +2; cloud: prior_cloud_logit (input 1) below 0
        p.setProperty("options.combiner.local.base", "0");
        p.setProperty("options.combiner.local.rate", "1");
        p.setProperty("options.combiner.local.depth", "1");
        p.setProperty("options.combiner.local.trees", "1");
        p.setProperty("options.combiner.local.tree.0", "2,0.5,-2,2");
        p.setProperty("options.combiner.cloud.base", "0.5");
        p.setProperty("options.combiner.cloud.rate", "0.5");
        p.setProperty("options.combiner.cloud.depth", "1");
        p.setProperty("options.combiner.cloud.trees", "2");
        p.setProperty("options.combiner.cloud.tree.0", "1,0,-1,1");
        p.setProperty("options.combiner.cloud.tree.1", "-1,0,3,7");
        return p;
    }

    @Test
    void aLearnedCombinerReadsBothTiersPriorsAndTheHistory() {
        QualityPrior prior = QualityPrior.from(withCombiner());
        double[] features = multipleChoice();
        float[] embedding = {0, 1};
        QualityPrior.History good = new QualityPrior.History(0.9, 0.2, 10, 0.9, 0.7);
        QualityPrior.History bad = new QualityPrior.History(0.1, 0.2, 10, 0.9, 0.7);

        assertTrue(prior.combines(features));
        assertFalse(prior.combines(new double[F]));
        assertEquals(sigmoid(2), prior.combine(Tier.LOCAL, features, embedding, good), 1e-12);
        assertEquals(sigmoid(-2), prior.combine(Tier.LOCAL, features, embedding, bad), 1e-12);
        // the cloud prior's logit is -1.5 (< 0: left, -1); the second tree never splits (always left, 3)
        assertEquals(sigmoid(0.5 + 0.5 * (-1 + 3)), prior.combine(Tier.CLOUD, features, embedding, good), 1e-12);
        assertThrows(IllegalStateException.class, () -> prior.combine(Tier.LOCAL, new double[F], embedding, good));
    }

    @Test
    void aCombinerFittedOnOtherInputsOrMalformedIsRefused() {
        Properties otherInputs = withCombiner();
        otherInputs.setProperty("options.combiner.inputs", "prior_local_logit,history_local");
        assertThrows(IllegalStateException.class, () -> QualityPrior.from(otherInputs));

        Properties shortTree = withCombiner();
        shortTree.setProperty("options.combiner.local.tree.0", "2,0.5,-2");
        assertThrows(IllegalArgumentException.class, () -> QualityPrior.from(shortTree));

        Properties noSuchInput = withCombiner();
        noSuchInput.setProperty("options.combiner.local.tree.0", "999,0.5,-2,2");
        assertThrows(IllegalArgumentException.class, () -> QualityPrior.from(noSuchInput));

        Properties missingTree = withCombiner();
        missingTree.remove("options.combiner.cloud.tree.1");
        assertThrows(IllegalStateException.class, () -> QualityPrior.from(missingTree));
    }

    @Test
    void shippedParametersLoadAndRateHardMathBelowAnEasyFact() {
        QualityPrior shipped = QualityPrior.shipped();
        assertEquals(384, shipped.dimensions());
        double easy = shipped.predict(Tier.LOCAL, PromptFeatures.of("What is the capital of France?"), null);
        double hard = shipped.predict(Tier.LOCAL, PromptFeatures.of("A train leaves at 3:15 pm at 84 km/h; a second"
                + " leaves 45 minutes later at 96 km/h. Statement 1 | The second catches up after 315 km. Statement 2 |"
                + " It takes 6.3 hours.\nA. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer:"), null);

        assertTrue(easy > 0 && easy < 1 && hard > 0 && hard < 1);
        assertTrue(hard < easy, "hard " + hard + " easy " + easy);
    }
}
