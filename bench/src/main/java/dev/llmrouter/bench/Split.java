package dev.llmrouter.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A deterministic train / validation / held-out split that keeps every question on one side.
 * Quora repeats questions across pairs; splitting pairs alone would let the verifier meet a
 * held-out question in training. Pairs are joined into connected groups by shared text and the
 * whole group goes where the CRC32 of its smallest text sends it: 60% train, 10% validation
 * (for choosing the epoch and the threshold), 30% held-out (reported only).
 */
public final class Split {

    public enum Part { TRAIN, VALIDATION, HELD_OUT }

    private final Map<String, String> parent = new HashMap<>();
    private final boolean byPair;

    public Split(List<Pair> pairs) {
        this(pairs, false);
    }

    /**
     * With {@code byPair} each pair goes its own way and a question can sit on both sides, as in
     * a live cache where popular questions come back: a check of how much the verifier gains from
     * questions it has met, not the question-disjoint figure.
     */
    public Split(List<Pair> pairs, boolean byPair) {
        this.byPair = byPair;
        if (!byPair) {
            for (Pair p : pairs) {
                union(p.a(), p.b());
            }
        }
    }

    /** The CRC32 of the pair's group (its smallest text), or of the pair itself when split by pair. */
    private long hash(Pair p) {
        CRC32 crc = new CRC32();
        crc.update((byPair ? p.a() + "\t" + p.b() : find(p.a())).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    public Part of(Pair p) {
        long bucket = hash(p) % 20;
        return bucket < 12 ? Part.TRAIN : bucket < 14 ? Part.VALIDATION : Part.HELD_OUT;
    }

    /**
     * One of {@code folds} parts of the pairs, whole groups together, independent of {@link #of}'s
     * parts: for fitting on all folds but one and scoring that one.
     */
    public int fold(Pair p, int folds) {
        return (int) ((hash(p) / 20) % folds);
    }

    private String find(String text) {
        String root = text;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String t = text;
        while (!t.equals(root)) {
            String next = parent.get(t);
            parent.put(t, root);
            t = next;
        }
        return root;
    }

    /** The smaller text becomes the root, so a group's root is its smallest text. */
    private void union(String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(a);
        String rb = find(b);
        if (ra.equals(rb)) {
            return;
        }
        if (ra.compareTo(rb) < 0) {
            parent.put(rb, ra);
        } else {
            parent.put(ra, rb);
        }
    }
}
