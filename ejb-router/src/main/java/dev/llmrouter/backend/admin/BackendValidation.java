package dev.llmrouter.backend.admin;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.StoredBackend;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks an administrator's backend settings and turns them into a row, or says which field is wrong.
 * A key reference must name a config property that looks like an API key (ends in {@code api-key} /
 * {@code API_KEY}) and is not one of the router's own secrets, so that no setting can send, say, the
 * database password to an upstream.
 */
final class BackendValidation {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    static final Pattern KEY_REF = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,126}[._-]api[._-]key",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_MODEL_LENGTH = 200;
    private static final long MAX_PRICE = 1_000_000_000_000L;
    private static final int MAX_CONCURRENCY = 1_024;
    private static final int MAX_WAIT_QUEUE = 10_000;
    private static final int MAX_TIMEOUT_MS = 3_600_000;

    private final Set<String> kinds;
    private final UrlPolicy urlPolicy;
    private final Function<String, Optional<String>> config;

    BackendValidation(Set<String> kinds, UrlPolicy urlPolicy, Function<String, Optional<String>> config) {
        this.kinds = kinds;
        this.urlPolicy = urlPolicy;
        this.config = config;
    }

    StoredBackend validate(BackendSpec spec, String name) {
        if (spec == null) {
            throw new InvalidBackendException(null, "a JSON object with the backend's settings is required");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidBackendException("name", "name must be 1 to 64 letters, digits, '.', '_', ':' or '-', "
                    + "starting with a letter or digit");
        }
        if (ChatRequest.AUTO.equalsIgnoreCase(name)) {
            throw new InvalidBackendException("name", "'" + name + "' is reserved for the router's own choice");
        }
        String kind = required(spec.kind(), "kind").toLowerCase(Locale.ROOT);
        if (!kinds.contains(kind)) {
            throw new InvalidBackendException("kind", "kind must be one of " + kinds);
        }
        Tier tier = tier(spec.tier(), kind);
        boolean allowPrivate = Boolean.TRUE.equals(spec.allowPrivateNetwork());
        String baseUrl = urlPolicy.check(spec.baseUrl(), allowPrivate).toString();
        String model = required(spec.upstreamModel(), "upstream_model");
        if (model.length() > MAX_MODEL_LENGTH || model.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidBackendException("upstream_model", "upstream_model must be at most " + MAX_MODEL_LENGTH
                    + " printable characters");
        }
        return new StoredBackend(name, kind, tier.name(), baseUrl, model,
                range(spec.inputMicrosPerMillion(), 0, MAX_PRICE, "input_micros_per_mtok"),
                range(spec.outputMicrosPerMillion(), 0, MAX_PRICE, "output_micros_per_mtok"),
                intRange(spec.maxConcurrency(), 1, MAX_CONCURRENCY, "max_concurrency"),
                intRange(spec.maxWaitQueue(), 0, MAX_WAIT_QUEUE, "max_wait_queue"),
                intRange(spec.connectTimeoutMs(), 1, MAX_TIMEOUT_MS, "connect_timeout_ms"),
                intRange(spec.readTimeoutMs(), 1, MAX_TIMEOUT_MS, "read_timeout_ms"),
                intRange(spec.ttftTimeoutMs(), 1, MAX_TIMEOUT_MS, "ttft_timeout_ms"),
                keyRef(spec.apiKeyRef()), allowPrivate, !Boolean.FALSE.equals(spec.enabled()),
                Boolean.TRUE.equals(spec.simulated()), null);
    }

    private static String required(String value, String param) {
        if (value == null || value.isBlank()) {
            throw new InvalidBackendException(param, param + " is required");
        }
        return value.strip();
    }

    private static Tier tier(String tier, String kind) {
        if (tier == null || tier.isBlank()) {
            return "ollama".equals(kind) ? Tier.LOCAL : Tier.CLOUD;
        }
        String upper = tier.strip().toUpperCase(Locale.ROOT);
        if (!upper.equals(Tier.LOCAL.name()) && !upper.equals(Tier.CLOUD.name())) {
            throw new InvalidBackendException("tier", "tier must be LOCAL or CLOUD");
        }
        return Tier.valueOf(upper);
    }

    private static Long range(Long value, long min, long max, String param) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidBackendException(param, param + " must be between " + min + " and " + max);
        }
        return value;
    }

    private static Integer intRange(Integer value, int min, int max, String param) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidBackendException(param, param + " must be between " + min + " and " + max);
        }
        return value;
    }

    private String keyRef(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String name = ref.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!KEY_REF.matcher(name).matches() || lower.startsWith("router") || lower.startsWith("db")) {
            throw new InvalidBackendException("api_key_ref", "api_key_ref must be the NAME of a MicroProfile Config "
                    + "property ending in api-key or API_KEY (e.g. OPENROUTER_API_KEY), not a key itself, "
                    + "and not one of the router's own settings");
        }
        if (config.apply(name).filter(v -> !v.isBlank()).isEmpty()) {
            throw new InvalidBackendException("api_key_ref", "config property " + name + " is not set on this "
                    + "instance; set it in the environment of every instance first");
        }
        return name;
    }
}
