package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.BackendLatency;
import dev.llmrouter.persistence.BudgetBurn;
import dev.llmrouter.persistence.LedgerEntry;
import dev.llmrouter.persistence.UsageBucket;
import dev.llmrouter.persistence.UsageReports;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC: the aggregates (date_bin, percentile_cont, filtered counts) are PostgreSQL's own and
 * have no JPQL form. The ledger's (tenant_id, created_at) index serves the tenant filter.
 */
@ApplicationScoped
public class JdbcUsageReports implements UsageReports {

    /** Binds the tenant twice: {@code cast(? as bigint) is null or tenant_id = ?}. */
    private static final String TENANT = " and (cast(? as bigint) is null or l.tenant_id = ?)";

    static final String BUCKETS = "select date_bin(make_interval(secs => ?), l.created_at, timestamptz '2000-01-01'),"
            + " l.tier, count(*) filter (where l.outcome = 'OK'), count(*) filter (where l.outcome <> 'OK'),"
            + " coalesce(sum(l.cost_micros), 0), coalesce(sum(greatest(l.shadow_cost_micros - l.cost_micros, 0)), 0)"
            + " from usage_ledger l where l.created_at >= ?" + TENANT
            + " group by 1, 2 order by 1, 2";

    static final String LATENCIES = "select coalesce(l.backend, lower(l.tier)), count(*),"
            + " percentile_cont(0.5) within group (order by l.latency_ms),"
            + " percentile_cont(0.95) within group (order by l.latency_ms)"
            + " from usage_ledger l where l.created_at >= ? and l.outcome = 'OK'" + TENANT
            + " group by 1 order by 1";

    static final String BUDGETS = "select b.id, t.id, t.name, b.limit_micros, b.soft_limit_micros, b.spent_micros,"
            + " b.reserved_micros, (select count(*) from reservations r where r.budget_id = b.id and r.status = 'OPEN'),"
            + " b.period, b.period_start, b.resets_at, now()"
            + " from budgets b join tenants t on t.id = b.tenant_id"
            + " where b.api_key_id is null and (cast(? as bigint) is null or t.id = ?) order by t.name";

    static final String RECENT = "select l.id, l.created_at, l.request_id, t.name, l.tier, l.backend, l.model,"
            + " l.outcome, l.cache_status, l.prompt_tokens, l.completion_tokens, l.cost_micros,"
            + " greatest(l.shadow_cost_micros - l.cost_micros, 0), l.latency_ms, l.reason"
            + " from usage_ledger l join tenants t on t.id = l.tenant_id where true" + TENANT
            + " order by l.id desc offset ? limit ?";

    static final String COUNT = "select count(*) from usage_ledger l where true" + TENANT;

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public List<UsageBucket> buckets(Instant since, Duration width, Long tenantId) {
        return query(BUCKETS, ps -> {
            ps.setLong(1, Math.max(1, width.toSeconds()));
            ps.setTimestamp(2, Timestamp.from(since));
            tenant(ps, 3, tenantId);
        }, rs -> new UsageBucket(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6)));
    }

    @Override
    public List<BackendLatency> latencies(Instant since, Long tenantId) {
        return query(LATENCIES, ps -> {
            ps.setTimestamp(1, Timestamp.from(since));
            tenant(ps, 2, tenantId);
        }, rs -> new BackendLatency(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
    }

    @Override
    public List<BudgetBurn> budgetBurn(Long tenantId) {
        return query(BUDGETS, ps -> tenant(ps, 1, tenantId), rs -> {
            long soft = rs.getLong(5);
            Long softLimit = rs.wasNull() ? null : soft;
            return new BudgetBurn(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), softLimit,
                    rs.getLong(6), rs.getLong(7), rs.getInt(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
                    instant(rs, 12));
        });
    }

    @Override
    public List<LedgerEntry> recent(int offset, int limit, Long tenantId) {
        return query(RECENT, ps -> {
            tenant(ps, 1, tenantId);
            ps.setInt(3, Math.max(0, offset));
            ps.setInt(4, Math.max(1, limit));
        }, rs -> new LedgerEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                rs.getLong(12), rs.getLong(13), rs.getInt(14), rs.getString(15)));
    }

    @Override
    public long countRecent(Long tenantId) {
        return query(COUNT, ps -> tenant(ps, 1, tenantId), rs -> rs.getLong(1)).get(0);
    }

    private static void tenant(PreparedStatement ps, int index, Long tenantId) throws SQLException {
        if (tenantId == null) {
            ps.setNull(index, Types.BIGINT);
            ps.setNull(index + 1, Types.BIGINT);
        } else {
            ps.setLong(index, tenantId);
            ps.setLong(index + 1, tenantId);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("usage report query failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
