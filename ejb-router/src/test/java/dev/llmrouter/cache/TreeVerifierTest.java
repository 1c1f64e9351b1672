package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class TreeVerifierTest {

    private static final int COSINE = PairFeatures.NAMES.indexOf("cosine");
    private static final int JACCARD = PairFeatures.NAMES.indexOf("word_jaccard");

    /** Base 0; one tree: cosine <= 0.9 -> -1, else word_jaccard <= 0.5 -> 0.5, else 2. */
    private static Properties oneTree(String features) {
        Properties p = new Properties();
        p.setProperty("features", features);
        p.setProperty("base", "0");
        p.setProperty("trees", "1");
        p.setProperty("weight", "0.5");
        p.setProperty("threshold", "0.7");
        p.setProperty("tree.0", COSINE + "/0.9/1/2 =-1 " + JACCARD + "/0.5/3/4 =0.5 =2");
        return p;
    }

    private static double[] features(double cosine, double jaccard) {
        double[] f = new double[PairFeatures.NAMES.size()];
        f[COSINE] = cosine;
        f[JACCARD] = jaccard;
        return f;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void walksEachTreeToOneLeafAndSquashesTheSum() {
        TreeVerifier trees = TreeVerifier.from(oneTree(String.join(",", PairFeatures.NAMES)));
        assertEquals(sigmoid(-1), trees.probability(features(0.9, 1.0)), 1e-12);
        assertEquals(sigmoid(0.5), trees.probability(features(0.95, 0.5)), 1e-12);
        assertEquals(sigmoid(2), trees.probability(features(0.95, 0.6)), 1e-12);
        assertEquals(0.7, trees.threshold());
    }

    @Test
    void blendWeighsNetworkAndTrees() {
        TreeVerifier trees = TreeVerifier.from(oneTree(String.join(",", PairFeatures.NAMES)));
        double[] f = features(0.95, 0.6);
        assertEquals(0.5 * 0.2 + 0.5 * sigmoid(2), trees.blend(0.2, f), 1e-12);
    }

    @Test
    void refusesTreesFittedOnOtherFeatures() {
        assertThrows(IllegalStateException.class, () -> TreeVerifier.from(oneTree("cosine,word_jaccard")));
    }

    @Test
    void refusesNodesThatPointBackwards() {
        Properties p = oneTree(String.join(",", PairFeatures.NAMES));
        p.setProperty("tree.0", COSINE + "/0.9/0/2 =-1 =1");
        assertThrows(IllegalArgumentException.class, () -> TreeVerifier.from(p));
    }

    @Test
    void shippedTreesLoadAndScoreWithinZeroAndOne() {
        TreeVerifier shipped = TreeVerifier.shipped();
        double p = shipped.probability(PairFeatures.of(new QuestionText("How do I learn Python?"),
                new QuestionText("How can I learn Python?"), 0.95, WordRarity.shipped()));
        assertTrue(p > 0 && p < 1, "probability " + p);
        assertTrue(shipped.threshold() > 0 && shipped.threshold() < 1);
    }
}
