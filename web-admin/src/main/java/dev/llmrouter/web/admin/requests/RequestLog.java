package dev.llmrouter.web.admin.requests;

import dev.llmrouter.usage.UsageOverview;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The requests page: the usage ledger, newest first, one page at a time from the database. */
@Named
@ViewScoped
public class RequestLog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UsageOverview overview;

    private final LazyDataModel<RequestRow> rows = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, overview.countRecent(null));
        }

        @Override
        public List<RequestRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return overview.recent(first, pageSize, null).stream().map(RequestRow::new).toList();
        }

        @Override
        public String getRowKey(RequestRow row) {
            return Long.toString(row.getId());
        }
    };

    public LazyDataModel<RequestRow> getRows() {
        return rows;
    }
}
