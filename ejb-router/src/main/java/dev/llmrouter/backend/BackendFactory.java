package dev.llmrouter.backend;

/** Builds backends of one wire protocol; one CDI bean per protocol. */
public interface BackendFactory {

    /** The {@link BackendDefinition#kind()} this factory serves, e.g. {@code ollama}. */
    String kind();

    InferenceBackend create(BackendDefinition definition);
}
