package it.backend;

/** The contract for the OpenAI-compatible adapter (MicroProfile REST Client; SSE streams). */
class OpenAiBackendIT extends AbstractInferenceBackendIT {

    @Override
    protected String kind() {
        return "openai";
    }

    @Override
    protected String tier() {
        return "CLOUD";
    }

    @Override
    protected String baseUrl(String simulatorUrl) {
        return simulatorUrl + "/v1";
    }

    @Override
    protected String upstreamModel() {
        return "gpt-sim-mini";
    }
}
