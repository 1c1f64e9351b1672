package dev.llmrouter.backend;

/**
 * Whether a backend's model sits in its server's memory, as far as this instance knows. Only local
 * servers that load models on demand (Ollama) know the difference: a call to a model that is not
 * loaded pays a cold load (seconds to a minute for the weights) before its first token.
 */
public enum Residency {
    /** Loaded: the next call starts at once. */
    RESIDENT,
    /** The server is up but does not hold the model: the next call pays a cold load. */
    NOT_LOADED,
    /** Not known yet, or the server could not be asked lately. */
    UNKNOWN,
    /** The backend has no such notion (cloud APIs, servers that keep their one model loaded). */
    NOT_APPLICABLE
}
