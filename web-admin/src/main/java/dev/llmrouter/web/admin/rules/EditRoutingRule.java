package dev.llmrouter.web.admin.rules;

import dev.llmrouter.admin.AdminRequestException;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.route.admin.RuleAdministration;
import dev.llmrouter.route.admin.RulePreview;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.Notices;
import dev.llmrouter.web.admin.decisions.Explanation;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The rules page's editor and its "what would happen" preview: a sample prompt of a tenant explained
 * under the rules in force and under them with the rule being edited, recomputed on every change of the
 * form, without saving anything. Viewers see the preview under the rules in force only.
 */
@Named
@ViewScoped
public class EditRoutingRule implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PICK = "Pick a tenant and type a sample prompt to see where it would go.";

    @Inject
    RuleAdministration rules;

    @Inject
    RulePreview preview;

    @Inject
    TenantAdministration tenants;

    @Inject
    BackendRegistry registry;

    @Inject
    ConsoleUser user;

    @Inject
    Notices notices;

    /** Null while no rule is being edited. */
    private RuleForm form;
    /** The stored rule being edited, or null for a new one. */
    private Long editingId;

    private Long previewTenantId;
    private String previewModel = "auto";
    private String prompt;
    private Explanation now;
    private Explanation withRule;
    /** Why there is no preview (of the draft), in words; null when there is one. */
    private String previewProblem = PICK;
    private String draftProblem;

    public void add() {
        if (!user.mayChange()) {
            return;
        }
        form = new RuleForm();
        editingId = null;
        refreshPreview();
    }

    public void edit(long id) {
        if (!user.mayChange()) {
            return;
        }
        try {
            RoutingRule rule = rules.get(id);
            form = RuleForm.of(rule);
            editingId = id;
            if (rule.tenantId() != null) {
                previewTenantId = rule.tenantId();
            }
            refreshPreview();
        } catch (AdminRequestException e) {
            notices.error("Not found", e.getMessage());
        }
    }

    public void save() {
        if (!user.mayChange() || form == null) {
            return;
        }
        try {
            RoutingRule saved = editingId == null ? rules.create(user.getName(), form.toSpec())
                    : rules.update(user.getName(), editingId, form.toSpec());
            notices.info(editingId == null ? "Rule created" : "Rule saved", saved.name() + ": " + saved.describe());
            cancel();
        } catch (AdminRequestException e) {
            notices.error("Not saved", e.getMessage());
        }
    }

    public void cancel() {
        form = null;
        editingId = null;
        refreshPreview();
    }

    /** After any change of the form or the sample: explains the sample again. Stores nothing. */
    public void refreshPreview() {
        now = null;
        withRule = null;
        draftProblem = null;
        if (previewTenantId == null && form != null && form.getTenantId() != null) {
            previewTenantId = form.getTenantId();
        }
        if (previewTenantId == null || prompt == null || prompt.isBlank()) {
            previewProblem = PICK;
            return;
        }
        previewProblem = null;
        RoutingRule draft = draft();
        try {
            RulePreview.Comparison c = preview.compare(previewTenantId, previewModel, prompt, draft);
            now = Explanation.of(c.now());
            withRule = draft == null ? null : Explanation.of(c.withDraft());
        } catch (AdminRequestException e) {
            previewProblem = e.getMessage();
        }
    }

    /** The rule as it would be saved, or null (with the reason in {@code draftProblem}) when it cannot be. */
    private RoutingRule draft() {
        if (form == null || !user.isAdmin()) {
            return null;
        }
        if (!form.isActionComplete()) {
            draftProblem = "Choose what the rule does to see what it would change.";
            return null;
        }
        try {
            return rules.validate(editingId == null ? 0 : editingId, form.toDraftSpec());
        } catch (AdminRequestException e) {
            draftProblem = e.getMessage();
            return null;
        }
    }

    /** Whether the draft changes the first choice, the plan or the cache verdict. */
    public boolean isChanged() {
        return now != null && withRule != null && !now.samePlanAs(withRule);
    }

    public List<Tenant> getTenants() {
        return tenants.list();
    }

    /** The routable model ids, for the condition's model, forced or forbidden backends and the sample. */
    public List<String> getModels() {
        return registry.all().stream().map(InferenceBackend::id).sorted().toList();
    }

    public List<String> getActionTypes() {
        return RuleForm.ACTION_TYPES;
    }

    public List<String> getCategories() {
        return List.of("code", "math", "reasoning", "writing", "knowledge", "chat");
    }

    public boolean isEditing() {
        return form != null;
    }

    public Long getEditingId() {
        return editingId;
    }

    public RuleForm getForm() {
        return form;
    }

    public Explanation getNow() {
        return now;
    }

    public Explanation getWithRule() {
        return withRule;
    }

    public String getPreviewProblem() {
        return previewProblem;
    }

    public String getDraftProblem() {
        return draftProblem;
    }

    public Long getPreviewTenantId() {
        return previewTenantId;
    }

    public void setPreviewTenantId(Long previewTenantId) {
        this.previewTenantId = previewTenantId;
    }

    public String getPreviewModel() {
        return previewModel;
    }

    public void setPreviewModel(String previewModel) {
        this.previewModel = previewModel;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }
}
