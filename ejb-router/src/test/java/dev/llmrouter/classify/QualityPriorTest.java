package dev.llmrouter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QualityPriorTest {

    private static final int F = PromptFeatures.NAMES.size();

    /** Two embedding dimensions; the local head reads the first feature, the cloud head the last dimension. */
    private static QualityPrior tiny() {
        int n = 2 * F + 2;
        double[] mean = new double[n];
        double[] scale = new double[n];
        Arrays.fill(scale, 2);
        mean[0] = 1;
        double[] local = new double[n + 1];
        local[0] = 0.5;
        local[1] = 1;
        double[] cloud = new double[n + 1];
        cloud[n] = -3;
        return new QualityPrior(2, mean, scale, new QualityPrior.Head(new double[0][], local),
                new QualityPrior.Head(new double[0][], cloud));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void eachTierHasItsOwnHeadOnStandardisedInputs() {
        double[] features = new double[F];
        features[0] = 5;

        QualityPrior prior = tiny();

        assertEquals(sigmoid(0.5 + (5 - 1) / 2.0), prior.predict(Tier.LOCAL, features, new float[] {0, 1}), 1e-12);
        assertEquals(sigmoid(-3 * 0.5), prior.predict(Tier.CLOUD, features, new float[] {0, 1}), 1e-12);
    }

    @Test
    void missingInputsCountAsTheTrainingAverage() {
        QualityPrior prior = tiny();

        assertEquals(sigmoid(0.5), prior.predict(Tier.LOCAL, null, null), 1e-12);
        assertEquals(0.5, prior.predict(Tier.CLOUD, new double[F], null), 1e-12);
    }

    @Test
    void parametersFittedOnOtherFeaturesAreRefused() {
        Properties p = new Properties();
        p.setProperty("features", "log_chars,something_else");

        assertThrows(IllegalStateException.class, () -> QualityPrior.from(p));
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
