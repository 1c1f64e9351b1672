package dev.llmrouter.backend.admin;

/**
 * What an administrator sends to create or replace a stored backend. Null means "not given": the
 * MicroProfile Config default applies (prices of the kind, timeouts and guards of {@code router.backend.*}),
 * tier follows the kind (ollama: LOCAL, others: CLOUD), enabled is true. {@code apiKeyRef} names a config
 * property holding the key; keys themselves are never accepted.
 */
public record BackendSpec(
        String name,
        String kind,
        String tier,
        String baseUrl,
        String upstreamModel,
        Long inputMicrosPerMillion,
        Long outputMicrosPerMillion,
        Integer maxConcurrency,
        Integer maxWaitQueue,
        Integer connectTimeoutMs,
        Integer readTimeoutMs,
        Integer ttftTimeoutMs,
        String apiKeyRef,
        Boolean allowPrivateNetwork,
        Boolean enabled,
        Boolean simulated) {
}
