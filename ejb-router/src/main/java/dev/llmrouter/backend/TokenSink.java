package dev.llmrouter.backend;

@FunctionalInterface
public interface TokenSink {

    void accept(String text);
}
