package dev.llmrouter.web.admin.decisions;

import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.persistence.StoredDecision;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.route.admin.DecisionHistory;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.web.admin.Notices;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The decisions page: recorded decisions newest first, one page at a time going back by id (new ones keep
 * arriving, so offsets would shift), optionally of one tenant; one opened with its whole ranking.
 * Read-only for everyone.
 */
@Named
@ViewScoped
public class DecisionList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 25;

    @Inject
    DecisionHistory history;

    @Inject
    TenantAdministration tenants;

    @Inject
    Notices notices;

    private Long tenantId;
    /** The id each newer page started before (null: the newest), so "Newer" can go back. */
    private final Deque<Long> newerPages = new ArrayDeque<>();
    private Long before;
    private List<DecisionRow> rows;
    private StoredDecision opened;
    private Explanation explanation;

    public List<DecisionRow> getRows() {
        if (rows == null) {
            rows = history.recent(tenantId, before, PAGE + 1).stream().map(DecisionRow::new).toList();
        }
        return rows.size() > PAGE ? rows.subList(0, PAGE) : rows;
    }

    public List<Tenant> getTenants() {
        return tenants.list();
    }

    /** After the tenant filter changed: its newest decisions. */
    public void newest() {
        newerPages.clear();
        before = null;
        rows = null;
    }

    public boolean isOlderAvailable() {
        getRows();
        return rows.size() > PAGE;
    }

    public boolean isNewerAvailable() {
        return before != null;
    }

    public void older() {
        List<DecisionRow> shown = getRows();
        if (!isOlderAvailable()) {
            return;
        }
        newerPages.push(before == null ? Long.MIN_VALUE : before);
        before = shown.get(shown.size() - 1).getId();
        rows = null;
    }

    public void newer() {
        if (newerPages.isEmpty()) {
            newest();
            return;
        }
        long previous = newerPages.pop();
        before = previous == Long.MIN_VALUE ? null : previous;
        rows = null;
    }

    /** Opens one decision with its ranking. */
    public void open(long id) {
        try {
            StoredDecision decision = history.get(id);
            explanation = Explanation.parse(decision.rankingJson());
            opened = decision;
        } catch (UnknownObjectException e) {
            notices.error("Not found", e.getMessage());
        } catch (IllegalArgumentException e) {
            notices.error("Not readable", "Decision " + id + " has no readable ranking.");
        }
    }

    public void close() {
        opened = null;
        explanation = null;
    }

    public DecisionRow getOpened() {
        return opened == null ? null : new DecisionRow(opened);
    }

    public Explanation getExplanation() {
        return explanation;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }
}
