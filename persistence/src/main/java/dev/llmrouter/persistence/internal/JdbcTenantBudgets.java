package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.persistence.BudgetStorageException;
import dev.llmrouter.persistence.TenantBudgets;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC beside {@link JdbcBudgetLedger}, on the same rows; the row lock orders edits and charges. */
@ApplicationScoped
@Transactional
public class JdbcTenantBudgets implements TenantBudgets {

    private static final String LOCK = "select period from budgets where tenant_id = ? and api_key_id is null for update";

    private static final String INSERT = "insert into budgets (tenant_id, limit_micros, soft_limit_micros, period,"
            + " period_start, resets_at) values (?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = "update budgets set limit_micros = ?, soft_limit_micros = ?, period = ?,"
            + " period_start = case when period = ? then period_start else ? end,"
            + " resets_at = case when period = ? then resets_at else ? end,"
            + " updated_at = now() where tenant_id = ? and api_key_id is null";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public Optional<BudgetAccount> find(long tenantId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(JdbcBudgetLedger.FIND_TENANT_BUDGET)) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long soft = rs.getLong(3);
                Long softLimit = rs.wasNull() ? null : soft;
                return Optional.of(new BudgetAccount(rs.getLong(1), rs.getLong(2), softLimit, rs.getLong(4),
                        rs.getLong(5), rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9)));
            }
        } catch (SQLException e) {
            throw new BudgetStorageException("budget lookup failed", e);
        }
    }

    @Override
    public Instant databaseNow() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select now()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw new BudgetStorageException("database clock query failed", e);
        }
    }

    @Override
    public BudgetAccount put(long tenantId, long limitMicros, Long softLimitMicros, String period, Instant periodStart,
                             Instant resetsAt) {
        try (Connection c = dataSource.getConnection()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(exists ? UPDATE : INSERT)) {
                if (exists) {
                    ps.setLong(1, limitMicros);
                    setSoftLimit(ps, 2, softLimitMicros);
                    ps.setString(3, period);
                    ps.setString(4, period);
                    ps.setTimestamp(5, Timestamp.from(periodStart));
                    ps.setString(6, period);
                    setInstant(ps, 7, resetsAt);
                    ps.setLong(8, tenantId);
                } else {
                    ps.setLong(1, tenantId);
                    ps.setLong(2, limitMicros);
                    setSoftLimit(ps, 3, softLimitMicros);
                    ps.setString(4, period);
                    ps.setTimestamp(5, Timestamp.from(periodStart));
                    setInstant(ps, 6, resetsAt);
                }
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new BudgetStorageException("budget update failed", e);
        }
        return find(tenantId).orElseThrow();
    }

    @Override
    public boolean delete(long tenantId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from budgets where tenant_id = ? and api_key_id is null")) {
            ps.setLong(1, tenantId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new BudgetStorageException("budget delete failed", e);
        }
    }

    private static void setSoftLimit(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
