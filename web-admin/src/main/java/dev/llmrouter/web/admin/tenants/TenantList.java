package dev.llmrouter.web.admin.tenants;

import dev.llmrouter.admin.AdminRequestException;
import dev.llmrouter.persistence.ApiKey;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.tenant.IssuedKey;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.tenant.TenantChanges;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.Notices;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tenants page. Every change goes through {@link TenantAdministration} under the signed-in user's
 * name (it audits, and checks the role again); this bean refuses viewers before it gets that far.
 */
@Named
@ViewScoped
public class TenantList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantAdministration tenants;

    @Inject
    ConsoleUser user;

    @Inject
    Notices notices;

    private String newName;
    private Long selectedId;
    private String keyName;
    /** The secret of the key just issued: shown once, then forgotten. */
    private String issuedSecret;

    public List<Tenant> getTenants() {
        return tenants.list();
    }

    public List<ApiKey> getKeys() {
        return selectedId == null ? List.of() : tenants.keys(selectedId);
    }

    public Tenant getSelected() {
        return selectedId == null ? null : tenants.list().stream()
                .filter(t -> t.getId().equals(selectedId)).findFirst().orElse(null);
    }

    public void select(long tenantId) {
        selectedId = tenantId;
        issuedSecret = null;
    }

    public void create() {
        Tenant created = change(() -> tenants.create(user.getName(), new TenantChanges().name(newName)));
        if (created != null) {
            notices.info("Tenant created", created.getName());
            newName = null;
            select(created.getId());
        }
    }

    public void suspend(long tenantId) {
        setStatus(tenantId, Tenant.SUSPENDED);
    }

    public void activate(long tenantId) {
        setStatus(tenantId, Tenant.ACTIVE);
    }

    private void setStatus(long tenantId, String status) {
        Tenant changed = change(() -> tenants.update(user.getName(), tenantId, new TenantChanges().status(status)));
        if (changed != null) {
            notices.info("Tenant " + status.toLowerCase(), changed.getName());
        }
    }

    public void createKey() {
        if (selectedId == null) {
            return;
        }
        String name = keyName == null || keyName.isBlank() ? "console" : keyName.strip();
        IssuedKey issued = change(() -> tenants.createKey(user.getName(), selectedId, name));
        if (issued != null) {
            issuedSecret = issued.secretKey();
            keyName = null;
        }
    }

    public void revokeKey(String keyId) {
        ApiKey revoked = change(() -> tenants.revokeKey(user.getName(), selectedId, keyId));
        if (revoked != null) {
            notices.info("Key revoked", keyId);
        }
    }

    /** A new key with the same name; the old one stops working at once. */
    public void rotateKey(String keyId) {
        IssuedKey issued = change(() -> tenants.rotateKey(user.getName(), selectedId, keyId, Duration.ZERO));
        if (issued != null) {
            issuedSecret = issued.secretKey();
        }
    }

    /** Runs a change if the user may change things; a refused or invalid change becomes a message. */
    private <T> T change(Supplier<T> action) {
        if (!user.mayChange()) {
            return null;
        }
        try {
            return action.get();
        } catch (AdminRequestException e) {
            notices.error("Not changed", e.getMessage());
            return null;
        }
    }

    public void forgetIssuedSecret() {
        issuedSecret = null;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getKeyName() {
        return keyName;
    }

    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    public Long getSelectedId() {
        return selectedId;
    }
}
