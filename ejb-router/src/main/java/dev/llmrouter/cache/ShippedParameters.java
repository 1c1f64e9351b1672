package dev.llmrouter.cache;

import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.translate.Translator;
import dev.llmrouter.embed.PredictorPool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a model's shipped parameters beside the classes of this package: a properties file, a text
 * table or an ONNX graph.
 */
final class ShippedParameters {

    private ShippedParameters() {
    }

    static Properties load(String resource) {
        try (InputStream in = ShippedParameters.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/llmrouter/cache/" + resource);
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The lines of the UTF-8 text {@code resource}, without blank lines and "#" comments. */
    static List<String> lines(String resource) {
        try (InputStream in = ShippedParameters.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/llmrouter/cache/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The trimmed value of {@code key}, which the resource must have. */
    static String required(Properties p, String resource, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(resource + " lacks " + key);
        }
        return value.trim();
    }

    /** The ONNX graph {@code resource}, loaded with one predictor per available core. */
    static <I> PredictorPool<I, Float> onnx(String resource, String what, Class<I> input, Translator<I, Float> translator) {
        try (InputStream onnx = ShippedParameters.class.getResourceAsStream(resource)) {
            if (onnx == null) {
                throw new IOException("Missing resource dev/llmrouter/cache/" + resource);
            }
            return PredictorPool.loadOnnx(what, onnx, input, Float.class, translator,
                    Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Cannot load " + resource, e);
        }
    }
}
