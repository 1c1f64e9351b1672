package dev.llmrouter.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads a model's shipped parameters, a properties file beside the classes of this package. */
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

    /** The trimmed value of {@code key}, which the resource must have. */
    static String required(Properties p, String resource, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(resource + " lacks " + key);
        }
        return value.trim();
    }
}
