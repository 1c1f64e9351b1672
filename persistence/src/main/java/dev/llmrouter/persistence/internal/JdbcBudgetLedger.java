package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.persistence.BudgetHold;
import dev.llmrouter.persistence.BudgetLedger;
import dev.llmrouter.persistence.BudgetStorageException;
import dev.llmrouter.persistence.UsageLedger;
import dev.llmrouter.persistence.UsageRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC, because every money statement is a conditional UPDATE whose row count or RETURNING
 * clause is the decision. The database row lock serialises concurrent reservations of one budget.
 */
@ApplicationScoped
public class JdbcBudgetLedger implements BudgetLedger {

    static final String FIND = "select id, limit_micros, soft_limit_micros, spent_micros, reserved_micros, period,"
            + " period_start, resets_at, now() from budgets where tenant_id = ? and api_key_id is null";

    static final String ROLL_FORWARD = "update budgets set spent_micros = 0, period_start = ?, resets_at = ?,"
            + " updated_at = now() where id = ? and resets_at is not distinct from ?";

    static final String RESERVE = "update budgets set reserved_micros = reserved_micros + ?, updated_at = now()"
            + " where id = ? and spent_micros + reserved_micros + ? <= limit_micros"
            + " returning limit_micros, spent_micros, reserved_micros, resets_at";

    static final String OPEN_RESERVATION = "insert into reservations (budget_id, request_id, amount_micros, status,"
            + " expires_at) values (?, ?, ?, 'OPEN', now() + make_interval(secs => ?)) returning id";

    static final String SOFT_ALERT = "update budgets set soft_alerted_at = now() where id = ?"
            + " and soft_limit_micros is not null and spent_micros + reserved_micros >= soft_limit_micros"
            + " and (soft_alerted_at is null or soft_alerted_at < period_start)";

    static final String CLOSE = "update reservations set status = ?, settled_at = now()"
            + " where id = ? and status = 'OPEN' returning budget_id, amount_micros";

    static final String CHARGE = "update budgets set reserved_micros = reserved_micros - ?,"
            + " spent_micros = spent_micros + ?, updated_at = now() where id = ?";

    static final String EXPIRE = "with expired as ("
            + " update reservations set status = 'EXPIRED', settled_at = now() where status = 'OPEN' and id in"
            + " (select id from reservations where status = 'OPEN' and expires_at <= now()"
            + " order by expires_at limit ? for update skip locked)"
            + " returning budget_id, amount_micros),"
            + " charged as (update budgets b set spent_micros = b.spent_micros + e.amount,"
            + " reserved_micros = b.reserved_micros - e.amount, updated_at = now()"
            + " from (select budget_id, sum(amount_micros) as amount from expired group by budget_id) e"
            + " where b.id = e.budget_id returning b.id)"
            + " select count(*) from expired";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Inject
    UsageLedger usageLedger;

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<BudgetAccount> findTenantBudget(long tenantId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
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
    @Transactional(TxType.REQUIRES_NEW)
    public boolean rollForward(long budgetId, Instant expectedResetsAt, Instant periodStart, Instant nextResetsAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROLL_FORWARD)) {
            ps.setTimestamp(1, Timestamp.from(periodStart));
            ps.setTimestamp(2, nextResetsAt == null ? null : Timestamp.from(nextResetsAt));
            ps.setLong(3, budgetId);
            ps.setTimestamp(4, expectedResetsAt == null ? null : Timestamp.from(expectedResetsAt));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new BudgetStorageException("budget period roll-forward failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<BudgetHold> reserve(long budgetId, String reference, long amountMicros, Duration ttl) {
        try (Connection c = dataSource.getConnection()) {
            long limit;
            long spent;
            long reserved;
            Instant resetsAt;
            try (PreparedStatement ps = c.prepareStatement(RESERVE)) {
                ps.setLong(1, amountMicros);
                ps.setLong(2, budgetId);
                ps.setLong(3, amountMicros);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    limit = rs.getLong(1);
                    spent = rs.getLong(2);
                    reserved = rs.getLong(3);
                    resetsAt = instant(rs, 4);
                }
            }
            long reservationId;
            try (PreparedStatement ps = c.prepareStatement(OPEN_RESERVATION)) {
                ps.setLong(1, budgetId);
                ps.setString(2, reference);
                ps.setLong(3, amountMicros);
                ps.setLong(4, ttl.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    reservationId = rs.getLong(1);
                }
            }
            boolean crossed;
            try (PreparedStatement ps = c.prepareStatement(SOFT_ALERT)) {
                ps.setLong(1, budgetId);
                crossed = ps.executeUpdate() == 1;
            }
            return Optional.of(new BudgetHold(reservationId, budgetId, amountMicros, limit, spent, reserved, crossed,
                    resetsAt));
        } catch (SQLException e) {
            throw new BudgetStorageException("budget reservation failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public boolean settle(long reservationId, long chargeMicros, UsageRecord usage) {
        boolean closed = close(reservationId, "SETTLED", chargeMicros);
        usageLedger.appendWithin(usage);
        return closed;
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public boolean release(long reservationId, UsageRecord usage) {
        boolean closed = close(reservationId, "RELEASED", 0);
        usageLedger.appendWithin(usage);
        return closed;
    }

    /** Closes the reservation if still OPEN and moves its amount out of reserved, charging at most that amount. */
    private boolean close(long reservationId, String status, long chargeMicros) {
        try (Connection c = dataSource.getConnection()) {
            long budgetId;
            long amount;
            try (PreparedStatement ps = c.prepareStatement(CLOSE)) {
                ps.setString(1, status);
                ps.setLong(2, reservationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    budgetId = rs.getLong(1);
                    amount = rs.getLong(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CHARGE)) {
                ps.setLong(1, amount);
                ps.setLong(2, Math.max(0, Math.min(chargeMicros, amount)));
                ps.setLong(3, budgetId);
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new BudgetStorageException("closing reservation " + reservationId + " failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public int expireOverdue(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(EXPIRE)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new BudgetStorageException("expiring reservations failed", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
