package dev.llmrouter.web.admin.cache;

import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.cache.CacheAdministration;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.route.Caller;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.Notices;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.Serializable;
import java.util.List;

/**
 * The cache page: one tenant's entries at a time (the tenant is always an exact predicate below),
 * newest first or nearest to a text. Deleting and purging are audited under the signed-in user.
 */
@Named
@ViewScoped
public class CacheBrowser implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 100;

    @Inject
    CacheAdministration cache;

    @Inject
    TenantAdministration tenants;

    @Inject
    AuditTrail audit;

    @Inject
    ConsoleUser user;

    @Inject
    Notices notices;

    private Long tenantId;
    private String query;
    private List<CacheRow> rows = List.of();

    public List<Tenant> getTenants() {
        return tenants.list();
    }

    /** Newest entries, or with a query the entries nearest to it in meaning (the similarity neighbours). */
    public void show() {
        if (tenantId == null) {
            rows = List.of();
            return;
        }
        boolean searching = query != null && !query.isBlank();
        rows = (searching ? cache.search(caller(), query.strip(), PAGE) : cache.list(caller(), 0, PAGE)).stream()
                .map(e -> new CacheRow(e, searching)).toList();
    }

    /** The entries nearest to this entry's question: what a paraphrase of it would be compared with. */
    public void neighbours(String question) {
        query = question;
        show();
    }

    public void delete(long entryId) {
        if (!user.mayChange() || tenantId == null) {
            return;
        }
        if (cache.delete(caller(), entryId)) {
            audit.record(user.getName(), "cache.delete", "tenant:" + tenantId,
                    Json.createObjectBuilder().add("entry_id", entryId).build());
            notices.info("Entry deleted", "#" + entryId);
        }
        show();
    }

    public void purge() {
        if (!user.mayChange() || tenantId == null) {
            return;
        }
        int removed = cache.purge(caller());
        audit.record(user.getName(), "cache.purge", "tenant:" + tenantId,
                Json.createObjectBuilder().add("entries", removed).build());
        notices.info("Cache purged", removed + " entries removed");
        show();
    }

    private Caller caller() {
        Tenant tenant = tenants.get(tenantId);
        return new Caller(tenant.getId(), tenant.getName(), null);
    }

    public List<CacheRow> getRows() {
        return rows;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
