package it.backend;

/** The contract for the Ollama adapter (langchain4j-ollama; NDJSON streams) against the simulated Ollama. */
class OllamaBackendIT extends AbstractInferenceBackendIT {

    @Override
    protected String kind() {
        return "ollama";
    }

    @Override
    protected String tier() {
        return "LOCAL";
    }

    @Override
    protected String baseUrl(String simulatorUrl) {
        return simulatorUrl;
    }

    /** The simulated "8B" that no built-in backend uses. */
    @Override
    protected String upstreamModel() {
        return "sim-local-8b";
    }

    @Override
    protected String apiKeyRef() {
        return null;
    }

    @Override
    protected boolean honoursRetryAfter() {
        return false;
    }
}
