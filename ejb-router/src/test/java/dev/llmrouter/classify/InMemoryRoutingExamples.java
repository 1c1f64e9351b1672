package dev.llmrouter.classify;

import dev.llmrouter.persistence.NewRoutingExample;
import dev.llmrouter.persistence.RoutingExamples;
import dev.llmrouter.persistence.RoutingHistoryUnavailableException;
import dev.llmrouter.persistence.RoutingNeighbour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Routing examples in a list, searched exhaustively by cosine: the contract without PostgreSQL. */
public class InMemoryRoutingExamples implements RoutingExamples {

    public final List<NewRoutingExample> rows = new ArrayList<>();
    public int lookups;
    public boolean down;

    @Override
    public long insert(NewRoutingExample example) {
        rows.add(example);
        return rows.size();
    }

    @Override
    public int insertAll(List<NewRoutingExample> examples) {
        rows.addAll(examples);
        return examples.size();
    }

    @Override
    public List<RoutingNeighbour> nearest(Long tenantId, float[] embedding, int limit) {
        lookups++;
        if (down) {
            throw new RoutingHistoryUnavailableException("down", null);
        }
        List<RoutingNeighbour> found = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NewRoutingExample e = rows.get(i);
            if (e.tenantId() == null || Objects.equals(e.tenantId(), tenantId)) {
                double dot = 0;
                for (int d = 0; d < embedding.length; d++) {
                    dot += embedding[d] * e.embedding()[d];
                }
                found.add(new RoutingNeighbour(i + 1, e.tenantId(), e.backend(), e.tier(), e.category(), e.score(), dot));
            }
        }
        found.sort(Comparator.comparingDouble(RoutingNeighbour::similarity).reversed());
        return found.subList(0, Math.min(limit, found.size()));
    }

    @Override
    public int purge(Long tenantId) {
        int before = rows.size();
        rows.removeIf(e -> Objects.equals(e.tenantId(), tenantId));
        return before - rows.size();
    }
}
