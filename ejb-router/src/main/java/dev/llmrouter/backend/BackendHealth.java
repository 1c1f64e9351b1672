package dev.llmrouter.backend;

public record BackendHealth(boolean up, String detail) {

    public static BackendHealth up(String detail) {
        return new BackendHealth(true, detail);
    }

    public static BackendHealth down(String detail) {
        return new BackendHealth(false, detail);
    }
}
