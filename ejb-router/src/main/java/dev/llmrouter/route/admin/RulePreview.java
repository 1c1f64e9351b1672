package dev.llmrouter.route.admin;

import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.persistence.Tenants;
import dev.llmrouter.route.Caller;
import dev.llmrouter.route.RoutingDecision;
import dev.llmrouter.route.internal.DecisionPipeline;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "What would happen": a sample prompt of a tenant explained under the rules in force, and under the
 * rules as they would be with a draft rule saved (it replaces the stored rule of the same id, or joins
 * them). Nothing is called, counted or stored.
 */
@ApplicationScoped
public class RulePreview {

    static final int MAX_PROMPT_CHARS = 20_000;

    @Inject
    DecisionPipeline pipeline;

    @Inject
    RuleBook book;

    @Inject
    Tenants tenants;

    /** Before and after the draft; {@code draft} null explains under the rules in force only (both the same). */
    public record Comparison(RoutingDecision now, RoutingDecision withDraft) {
    }

    public Comparison compare(long tenantId, String model, String prompt, RoutingRule draft) {
        Tenant tenant = tenants.findById(tenantId)
                .orElseThrow(() -> new UnknownObjectException("tenant", "No tenant " + tenantId + "."));
        if (prompt == null || prompt.isBlank() || prompt.length() > MAX_PROMPT_CHARS) {
            throw new InvalidSettingException("prompt", "A sample prompt of 1 to " + MAX_PROMPT_CHARS
                    + " characters is needed.");
        }
        Caller caller = new Caller(tenant.getId(), tenant.getName(), null);
        ChatRequest request = ChatRequest.builder().model(model == null || model.isBlank() ? ChatRequest.AUTO : model)
                .message(ChatMessage.user(prompt)).build();
        List<RoutingRule> inForce = book.current();
        RoutingDecision now = pipeline.preview(caller, request, inForce);
        if (draft == null) {
            return new Comparison(now, now);
        }
        List<RoutingRule> drafted = new ArrayList<>(inForce.stream().filter(r -> r.id() != draft.id() || draft.id() == 0)
                .toList());
        if (draft.enabled()) {
            drafted.add(draft);
        }
        drafted.sort(Comparator.comparingInt(RoutingRule::priority).thenComparingLong(RoutingRule::id));
        return new Comparison(now, pipeline.preview(caller, request, drafted));
    }
}
