package dev.llmrouter.chat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One chat-completion request as the router sees it. Optional sampling parameters are null when
 * the caller did not set them, so backends keep their own defaults.
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Double topP,
        Integer maxTokens,
        List<String> stop,
        Long seed,
        String user,
        CacheOptions cache,
        RoutingHints hints) implements Serializable {

    /** The virtual model name that lets the router choose. */
    public static final String AUTO = "auto";

    public ChatRequest {
        model = model == null || model.isBlank() ? AUTO : model;
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
        cache = cache == null ? CacheOptions.DEFAULT : cache;
        hints = hints == null ? RoutingHints.NONE : hints;
    }

    /** Without routing hints. */
    public ChatRequest(String model, List<ChatMessage> messages, Double temperature, Double topP, Integer maxTokens,
                       List<String> stop, Long seed, String user, CacheOptions cache) {
        this(model, messages, temperature, topP, maxTokens, stop, seed, user, cache, RoutingHints.NONE);
    }

    public boolean isAuto() {
        return AUTO.equals(model);
    }

    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (ChatMessage.USER.equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    public ChatRequest withMaxTokens(Integer newMaxTokens) {
        return new ChatRequest(model, messages, temperature, topP, newMaxTokens, stop, seed, user, cache, hints);
    }

    public ChatRequest withCache(CacheOptions newCache) {
        return new ChatRequest(model, messages, temperature, topP, maxTokens, stop, seed, user, newCache, hints);
    }

    public ChatRequest withHints(RoutingHints newHints) {
        return new ChatRequest(model, messages, temperature, topP, maxTokens, stop, seed, user, cache, newHints);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String model = AUTO;
        private final List<ChatMessage> messages = new ArrayList<>();
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private List<String> stop = List.of();
        private Long seed;
        private String user;
        private CacheOptions cache = CacheOptions.DEFAULT;
        private RoutingHints hints = RoutingHints.NONE;

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder message(ChatMessage message) {
            messages.add(message);
            return this;
        }

        public Builder messages(List<ChatMessage> all) {
            messages.addAll(all);
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topP(Double topP) {
            this.topP = topP;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder stop(List<String> stop) {
            this.stop = stop;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder cache(CacheOptions cache) {
            this.cache = cache;
            return this;
        }

        public Builder hints(RoutingHints hints) {
            this.hints = hints;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(model, messages, temperature, topP, maxTokens, stop, seed, user, cache, hints);
        }
    }
}
