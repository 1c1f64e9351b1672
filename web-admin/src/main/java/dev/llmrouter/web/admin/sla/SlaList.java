package dev.llmrouter.web.admin.sla;

import dev.llmrouter.admin.AdminRequestException;
import dev.llmrouter.persistence.ApiKey;
import dev.llmrouter.persistence.SlaPolicy;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.route.admin.SlaAdministration;
import dev.llmrouter.route.admin.SlaSpec;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.FormText;
import dev.llmrouter.web.admin.Money;
import dev.llmrouter.web.admin.Notices;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The SLA policies page: every policy with who follows it; create, edit and delete one (a followed one is
 * refused by the service, and the page says who follows it); make a tenant follow a policy or the
 * router's defaults, and one key follow a policy of its own or its tenant's again. Every change goes
 * through {@link SlaAdministration} under the signed-in user.
 */
@Named
@ViewScoped
public class SlaList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SlaAdministration policies;

    @Inject
    TenantAdministration tenants;

    @Inject
    ConsoleUser user;

    @Inject
    Notices notices;

    /** The policy being edited, or null while the form creates one. */
    private Long editingId;
    private String name;
    private String description;
    private Integer latencyTargetMs;
    private String maxCost;
    private Double minQuality;
    private Double costWeight;

    private Long assignTenantId;
    private Long assignPolicyId;

    private Long keyTenantId;
    private String keyId;
    private Long keyPolicyId;

    public List<SlaRow> getRows() {
        return policies.list().stream().map(p -> new SlaRow(p, policies.followers(p.id()))).toList();
    }

    public List<Tenant> getTenants() {
        return tenants.list();
    }

    /** The live keys of the tenant picked for a key's assignment; none before a tenant is picked. */
    public List<ApiKey> getKeys() {
        if (keyTenantId == null) {
            return List.of();
        }
        try {
            return tenants.keys(keyTenantId).stream().filter(k -> !k.isRevoked()).toList();
        } catch (AdminRequestException e) {
            return List.of();
        }
    }

    /** Another tenant picked: its keys replace the last one's, none of them chosen yet. */
    public void keyTenantChanged() {
        keyId = null;
    }

    /** Creates a policy, or saves the one being edited. */
    public void save() {
        if (!user.mayChange()) {
            return;
        }
        try {
            SlaSpec spec = new SlaSpec(FormText.orNull(name), FormText.orNull(description), latencyTargetMs,
                    Money.parseUsd(maxCost), minQuality, costWeight);
            SlaPolicy saved = editingId == null ? policies.create(user.getName(), spec)
                    : policies.update(user.getName(), editingId, spec);
            notices.info(editingId == null ? "SLA policy created" : "SLA policy saved", saved.name());
            clear();
        } catch (NumberFormatException | ArithmeticException e) {
            notices.error("Not saved", "The maximum cost is in USD per request, for example 0.02.");
        } catch (AdminRequestException e) {
            notices.error("Not saved", e.getMessage());
        }
    }

    /** Fills the form with a policy's settings. */
    public void edit(long id) {
        if (!user.mayChange()) {
            return;
        }
        try {
            SlaPolicy p = policies.get(id);
            editingId = p.id();
            name = p.name();
            description = p.description();
            latencyTargetMs = p.latencyTargetMs();
            maxCost = p.maxCostMicros() == null ? null : Money.usd(p.maxCostMicros()).replace("$", "");
            minQuality = p.minQuality();
            costWeight = p.costWeight();
        } catch (AdminRequestException e) {
            notices.error("Not found", e.getMessage());
        }
    }

    public void clear() {
        editingId = null;
        name = null;
        description = null;
        latencyTargetMs = null;
        maxCost = null;
        minQuality = null;
        costWeight = null;
    }

    public void delete(long id) {
        if (!user.mayChange()) {
            return;
        }
        try {
            policies.delete(user.getName(), id);
            notices.info("SLA policy deleted", "#" + id);
            if (Long.valueOf(id).equals(editingId)) {
                clear();
            }
        } catch (AdminRequestException e) {
            notices.error("Not deleted", e.getMessage());
        }
    }

    /** The chosen tenant follows the chosen policy; no policy chosen means the router's defaults. */
    public void assign() {
        if (!user.mayChange()) {
            return;
        }
        if (assignTenantId == null) {
            notices.error("Not assigned", "Pick a tenant.");
            return;
        }
        try {
            policies.assignToTenant(user.getName(), assignTenantId, assignPolicyId);
            notices.info("SLA policy assigned", assignPolicyId == null ? "The tenant follows the router's defaults."
                    : "The tenant follows " + policies.get(assignPolicyId).name() + ".");
        } catch (AdminRequestException e) {
            notices.error("Not assigned", e.getMessage());
        }
    }

    /** The chosen key follows the chosen policy; no policy chosen means its tenant's policy again. */
    public void assignKey() {
        if (!user.mayChange()) {
            return;
        }
        if (keyTenantId == null || keyId == null) {
            notices.error("Not assigned", "Pick a tenant and one of its keys.");
            return;
        }
        try {
            policies.assignToKey(user.getName(), keyTenantId, keyId, keyPolicyId);
            notices.info("SLA policy assigned", keyPolicyId == null ? "Key " + keyId + " follows its tenant's policy."
                    : "Key " + keyId + " follows " + policies.get(keyPolicyId).name() + ".");
        } catch (AdminRequestException e) {
            notices.error("Not assigned", e.getMessage());
        }
    }

    public Long getEditingId() {
        return editingId;
    }

    public boolean isEditing() {
        return editingId != null;
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

    public Integer getLatencyTargetMs() {
        return latencyTargetMs;
    }

    public void setLatencyTargetMs(Integer latencyTargetMs) {
        this.latencyTargetMs = latencyTargetMs;
    }

    public String getMaxCost() {
        return maxCost;
    }

    public void setMaxCost(String maxCost) {
        this.maxCost = maxCost;
    }

    public Double getMinQuality() {
        return minQuality;
    }

    public void setMinQuality(Double minQuality) {
        this.minQuality = minQuality;
    }

    public Double getCostWeight() {
        return costWeight;
    }

    public void setCostWeight(Double costWeight) {
        this.costWeight = costWeight;
    }

    public Long getAssignTenantId() {
        return assignTenantId;
    }

    public void setAssignTenantId(Long assignTenantId) {
        this.assignTenantId = assignTenantId;
    }

    public Long getAssignPolicyId() {
        return assignPolicyId;
    }

    public void setAssignPolicyId(Long assignPolicyId) {
        this.assignPolicyId = assignPolicyId;
    }

    public Long getKeyTenantId() {
        return keyTenantId;
    }

    public void setKeyTenantId(Long keyTenantId) {
        this.keyTenantId = keyTenantId;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public Long getKeyPolicyId() {
        return keyPolicyId;
    }

    public void setKeyPolicyId(Long keyPolicyId) {
        this.keyPolicyId = keyPolicyId;
    }
}
