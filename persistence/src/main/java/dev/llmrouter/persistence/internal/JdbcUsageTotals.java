package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.UsageTotal;
import dev.llmrouter.persistence.UsageTotals;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** One GROUP BY over the ledger's (tenant_id, created_at) index; the database does the summing. */
@ApplicationScoped
public class JdbcUsageTotals implements UsageTotals {

    static final String BY_DAY_AND_TIER = "select (created_at at time zone 'UTC')::date as day, tier,"
            + " count(*) filter (where outcome = 'OK'),"
            + " count(*) filter (where outcome in ('UPSTREAM_ERROR', 'CLIENT_ABORT')),"
            + " count(*) filter (where outcome = 'REJECTED'),"
            + " count(*) filter (where outcome = 'EXPIRED'),"
            + " coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0),"
            + " coalesce(sum(cost_micros), 0), coalesce(sum(shadow_cost_micros), 0),"
            + " coalesce(sum(greatest(shadow_cost_micros - cost_micros, 0)), 0)"
            + " from usage_ledger where tenant_id = ? and created_at >= ? and created_at < ?"
            + " group by 1, 2 order by 1, 2";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<UsageTotal> byDayAndTier(long tenantId, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_DAY_AND_TIER)) {
            ps.setLong(1, tenantId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            List<UsageTotal> totals = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.add(new UsageTotal(rs.getObject(1, java.time.LocalDate.class), rs.getString(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9), rs.getLong(10), rs.getLong(11)));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("summing the usage ledger failed", e);
        }
    }
}
