package dev.llmrouter.web.admin.rules;

import dev.llmrouter.route.admin.RuleSpec;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleAction;
import dev.llmrouter.route.policy.RuleCondition;
import dev.llmrouter.web.admin.FormText;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The condition builder's fields, and the {@link RuleSpec} they describe: the operator picks and types
 * values, this class writes the condition and action JSON. Checking is left to the service, which says
 * precisely what is wrong.
 */
public class RuleForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The action types as the rule JSON names them, in the order the form offers them. */
    public static final List<String> ACTION_TYPES = List.of("force_tier", "forbid_tier", "force_backend",
            "forbid_backend", "set_cache_threshold", "disable_cache");

    private String name;
    private String description;
    private Long tenantId;
    private Integer priority = 100;
    private String model;
    private List<String> categories = new ArrayList<>();
    private Integer minPromptTokens;
    private Integer maxPromptTokens;
    private String header;
    private String headerValue;
    private String actionType;
    private String tier;
    private String backend;
    private Double threshold;
    private boolean enabled = true;

    /** A stored rule's settings, to edit. */
    public static RuleForm of(RoutingRule rule) {
        RuleForm form = new RuleForm();
        form.name = rule.name();
        form.description = rule.description();
        form.tenantId = rule.tenantId();
        form.priority = rule.priority();
        RuleCondition c = rule.condition();
        form.model = c.model();
        form.categories = new ArrayList<>(c.categories());
        form.minPromptTokens = c.minPromptTokens();
        form.maxPromptTokens = c.maxPromptTokens();
        form.header = c.header();
        form.headerValue = c.headerValue();
        RuleAction a = rule.action();
        form.actionType = a.type().name().toLowerCase(Locale.ROOT);
        form.tier = a.tier() == null ? null : a.tier().name().toLowerCase(Locale.ROOT);
        form.backend = a.backend();
        form.threshold = a.threshold();
        form.enabled = rule.enabled();
        return form;
    }

    public RuleSpec toSpec() {
        return new RuleSpec(FormText.orNull(name), FormText.orNull(description), tenantId, priority, condition(),
                action(), enabled);
    }

    /** The same rule under a stand-in name when none is typed yet, so that it can be previewed. */
    public RuleSpec toDraftSpec() {
        RuleSpec spec = toSpec();
        return spec.name() != null ? spec : new RuleSpec("draft", spec.description(), spec.tenantId(),
                spec.priority(), spec.condition(), spec.action(), spec.enabled());
    }

    JsonObject condition() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (FormText.orNull(model) != null) {
            b.add("model", FormText.orNull(model));
        }
        if (categories != null && !categories.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            categories.forEach(list::add);
            b.add("categories", list);
        }
        if (minPromptTokens != null) {
            b.add("min_prompt_tokens", minPromptTokens);
        }
        if (maxPromptTokens != null) {
            b.add("max_prompt_tokens", maxPromptTokens);
        }
        if (FormText.orNull(header) != null) {
            b.add("header", FormText.orNull(header));
        }
        if (FormText.orNull(headerValue) != null) {
            b.add("header_value", FormText.orNull(headerValue));
        }
        return b.build();
    }

    /** The action, with only the field its type uses; null until a type is chosen. */
    JsonObject action() {
        if (FormText.orNull(actionType) == null) {
            return null;
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", actionType);
        if (isTierAction() && FormText.orNull(tier) != null) {
            b.add("tier", tier);
        }
        if (isBackendAction() && FormText.orNull(backend) != null) {
            b.add("backend", backend);
        }
        if (isThresholdAction() && threshold != null) {
            b.add("threshold", threshold);
        }
        return b.build();
    }

    /** Whether the action has what its type needs, so the rule can be previewed. */
    public boolean isActionComplete() {
        if (FormText.orNull(actionType) == null) {
            return false;
        }
        return isTierAction() ? FormText.orNull(tier) != null
                : isBackendAction() ? FormText.orNull(backend) != null
                : !isThresholdAction() || threshold != null;
    }

    public boolean isTierAction() {
        return "force_tier".equals(actionType) || "forbid_tier".equals(actionType);
    }

    public boolean isBackendAction() {
        return "force_backend".equals(actionType) || "forbid_backend".equals(actionType);
    }

    public boolean isThresholdAction() {
        return "set_cache_threshold".equals(actionType);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
    }

    public Integer getMinPromptTokens() {
        return minPromptTokens;
    }

    public void setMinPromptTokens(Integer minPromptTokens) {
        this.minPromptTokens = minPromptTokens;
    }

    public Integer getMaxPromptTokens() {
        return maxPromptTokens;
    }

    public void setMaxPromptTokens(Integer maxPromptTokens) {
        this.maxPromptTokens = maxPromptTokens;
    }

    public String getHeader() {
        return header;
    }

    public void setHeader(String header) {
        this.header = header;
    }

    public String getHeaderValue() {
        return headerValue;
    }

    public void setHeaderValue(String headerValue) {
        this.headerValue = headerValue;
    }

    public String getActionType() {
        return actionType;
    }

    public void setActionType(String actionType) {
        this.actionType = actionType;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
