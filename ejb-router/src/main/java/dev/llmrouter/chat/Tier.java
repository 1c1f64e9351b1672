package dev.llmrouter.chat;

/** Where an answer came from, cheapest first. */
public enum Tier {
    CACHE, LOCAL, CLOUD
}
