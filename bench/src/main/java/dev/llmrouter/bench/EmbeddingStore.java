package dev.llmrouter.bench;

import dev.llmrouter.embed.DjlEmbedder;
import dev.llmrouter.embed.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embeds texts with the real {@link DjlEmbedder} on every core and keeps the vectors in an
 * append-only file, so a second run over the same pairs costs no model time.
 */
public final class EmbeddingStore {

    /** Loads an embedder with the given number of concurrent predictors. */
    public interface Loader {
        Embedder load(int pool) throws Exception;
    }

    private final Path file;
    private final Loader loader;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public EmbeddingStore(Path file) throws IOException {
        this(file, DjlEmbedder::load);
    }

    /** A store for another model's vectors (same 384 dimensions), in its own file. */
    public EmbeddingStore(Path file, Loader loader) throws IOException {
        this.file = file;
        this.loader = loader;
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                while (true) {
                    String text = in.readUTF();
                    float[] v = new float[DjlEmbedder.DIMENSIONS];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    vectors.put(text, v);
                }
            } catch (EOFException end) {
                // the file is a plain sequence of records; its end is the only terminator
            }
        }
    }

    public float[] get(String text) {
        return vectors.get(text);
    }

    public void embedMissing(List<Pair> pairs) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Pair p : pairs) {
            texts.add(p.a());
            texts.add(p.b());
        }
        embedMissingTexts(texts);
    }

    /** Embeds every text not yet in the store and appends the new vectors to the file. */
    public void embedMissingTexts(Collection<String> texts) throws Exception {
        Set<String> missing = new LinkedHashSet<>();
        for (String t : texts) {
            if (!vectors.containsKey(t)) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        List<String> todo = new ArrayList<>(missing);
        Embedder embedder = loader.load(threads);
        try (AutoCloseable closing = (AutoCloseable) embedder;
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    jobs.add(pool.submit(() -> {
                        for (int i = first; i < todo.size(); i += threads) {
                            vectors.put(todo.get(i), embedder.embed(todo.get(i)));
                        }
                    }));
                }
                for (Future<?> job : jobs) {
                    job.get();
                }
            } finally {
                pool.shutdownNow();
            }
            for (String text : todo) {
                if (text.length() > 20_000) {
                    continue;
                }
                out.writeUTF(text);
                for (float f : vectors.get(text)) {
                    out.writeFloat(f);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("embedded %d texts in %.1f s (%.0f texts/s, %d threads)%n",
                todo.size(), seconds, todo.size() / seconds, threads);
    }

    public double cosine(Pair p) {
        float[] a = get(p.a());
        float[] b = get(p.b());
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
