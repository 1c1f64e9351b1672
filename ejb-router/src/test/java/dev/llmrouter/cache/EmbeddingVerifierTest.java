package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmbeddingVerifierTest {

    private static final int SCALARS = PairFeatures.NAMES.size();

    @Test
    void inputIsScalarsThenDistanceThenProduct() {
        double[] x = EmbeddingVerifier.input(new double[] {0.5, 0.25}, new float[] {0.6f, 0.8f},
                new float[] {0.8f, 0.6f});
        assertArrayEquals(new double[] {0.5, 0.25, 0.2, 0.2, 0.48, 0.48}, x, 1e-6);
    }

    @Test
    void logisticRegressionStandardisesThenSquashes() {
        int n = EmbeddingVerifier.inputs(1);
        double[] mean = new double[n];
        double[] scale = new double[n];
        Arrays.fill(scale, 1.0);
        mean[0] = 0.5;
        scale[0] = 0.25;
        double[] output = new double[n + 1];
        output[0] = -1.0;
        output[1] = 2.0;
        EmbeddingVerifier model = new EmbeddingVerifier(1, mean, scale, new double[0][], output, 0.5);
        double[] x = new double[n];
        x[0] = 1.0;
        // z = -1 + 2 * (1.0 - 0.5) / 0.25 = 3
        assertEquals(1 / (1 + Math.exp(-3)), model.score(x), 1e-12);
    }

    @Test
    void hiddenLayerDropsNegativeUnits() {
        int n = EmbeddingVerifier.inputs(1);
        double[] mean = new double[n];
        double[] scale = new double[n];
        Arrays.fill(scale, 1.0);
        double[][] hidden = new double[2][n + 1];
        hidden[0][1] = 1.0;
        hidden[1][1] = -1.0;
        double[] output = {0.0, 1.0, 5.0};
        EmbeddingVerifier model = new EmbeddingVerifier(1, mean, scale, hidden, output, 0.5);
        double[] x = new double[n];
        x[0] = 2.0;
        // unit 0: relu(2) = 2, unit 1: relu(-2) = 0, so z = 2
        assertEquals(1 / (1 + Math.exp(-2)), model.score(x), 1e-12);
    }

    @Test
    void readsPropertiesAndRejectsWrongSizes() {
        int n = EmbeddingVerifier.inputs(1);
        Properties p = new Properties();
        p.setProperty("threshold", "0.7");
        p.setProperty("dimensions", "1");
        p.setProperty("hidden", "0");
        p.setProperty("input.mean", String.join(",", Arrays.stream(new double[n]).mapToObj(String::valueOf).toList()));
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        p.setProperty("input.scale", String.join(",", Arrays.stream(ones).mapToObj(String::valueOf).toList()));
        p.setProperty("output", String.join(",", Arrays.stream(new double[n + 1]).mapToObj(String::valueOf).toList()));
        EmbeddingVerifier model = EmbeddingVerifier.from(p);
        assertEquals(0.7, model.threshold());
        assertEquals(0.5, model.score(new double[n]), 1e-12);
        p.setProperty("output", "0,1");
        assertThrows(IllegalArgumentException.class, () -> EmbeddingVerifier.from(p));
    }

    @Test
    void shippedModelFitsTheEmbedder() {
        EmbeddingVerifier shipped = EmbeddingVerifier.shipped();
        assertEquals(384, shipped.dimensions());
        assertTrue(shipped.threshold() > 0 && shipped.threshold() < 1, "threshold " + shipped.threshold());
        assertTrue(SCALARS > 0);
    }
}
