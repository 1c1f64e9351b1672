package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.persistence.BudgetHold;
import dev.llmrouter.persistence.BudgetLedger;
import dev.llmrouter.persistence.BudgetReservation;
import dev.llmrouter.persistence.BudgetStorageException;
import dev.llmrouter.persistence.PendingCall;
import dev.llmrouter.persistence.CallerBudgets;
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
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC, because every money statement is a conditional UPDATE whose row count or RETURNING
 * clause is the decision. The database row lock serialises concurrent reservations of one budget.
 */
@ApplicationScoped
public class JdbcBudgetLedger implements BudgetLedger {

    /** The tenant-wide budget alone, as the admin API shows it. */
    static final String FIND_TENANT_BUDGET = "select id, limit_micros, soft_limit_micros, spent_micros,"
            + " reserved_micros, period, period_start, resets_at, now() from budgets"
            + " where tenant_id = ? and api_key_id is null";

    /** The tenant's budget and the calling key's, with the tenant's free-tier policy: one row per budget. */
    static final String FIND_FOR_CALLER = "select t.free_tiers_when_exhausted, b.id, b.api_key_id, b.limit_micros,"
            + " b.soft_limit_micros, b.spent_micros, b.reserved_micros, b.period, b.period_start, b.resets_at, now()"
            + " from tenants t left join budgets b on b.tenant_id = t.id"
            + " and (b.api_key_id is null or b.api_key_id = ?) where t.id = ?";

    static final String ROLL_FORWARD = "update budgets set spent_micros = 0, period_start = ?, resets_at = ?,"
            + " updated_at = now() where id = ? and resets_at is not distinct from ?";

    static final String RESERVE = "update budgets set reserved_micros = reserved_micros + ?, updated_at = now()"
            + " where id = ? and spent_micros + reserved_micros + ? <= limit_micros"
            + " returning limit_micros, spent_micros, reserved_micros, resets_at";

    /** Gives back what an earlier statement of the same, still uncommitted, transaction reserved. */
    static final String UNRESERVE = "update budgets set reserved_micros = reserved_micros - ? where id = ?";

    static final String OPEN_RESERVATION = "insert into reservations (budget_id, key_budget_id, request_id,"
            + " amount_micros, status, expires_at, call_request_id, api_key_id, backend, tier)"
            + " values (?, ?, ?, ?, 'OPEN', now() + make_interval(secs => ?), ?, ?, ?, ?) returning id";

    static final String SOFT_ALERT = "update budgets set soft_alerted_at = now() where id = ?"
            + " and soft_limit_micros is not null and spent_micros + reserved_micros >= soft_limit_micros"
            + " and (soft_alerted_at is null or soft_alerted_at < period_start)";

    static final String CLOSE = "update reservations set status = ?, settled_at = now()"
            + " where id = ? and status = 'OPEN' returning budget_id, key_budget_id, amount_micros";

    static final String CHARGE = "update budgets set reserved_micros = reserved_micros - ?,"
            + " spent_micros = spent_micros + ?, updated_at = now() where id = ?";

    /**
     * Expires a batch, charges every budget each reservation held (the tenant's and the key's), and books
     * one EXPIRED ledger row per reservation. Data-modifying CTEs run exactly once, read or not.
     */
    static final String EXPIRE = "with expired as ("
            + " update reservations set status = 'EXPIRED', settled_at = now() where status = 'OPEN' and id in"
            + " (select id from reservations where status = 'OPEN' and expires_at <= now()"
            + " order by expires_at limit ? for update skip locked)"
            + " returning id, budget_id, key_budget_id, amount_micros, request_id, call_request_id, api_key_id,"
            + " backend, tier),"
            + " held as (select budget_id, amount_micros from expired"
            + " union all select key_budget_id, amount_micros from expired where key_budget_id is not null),"
            + " charged as (update budgets b set spent_micros = b.spent_micros + e.amount,"
            + " reserved_micros = b.reserved_micros - e.amount, updated_at = now()"
            + " from (select budget_id, sum(amount_micros) as amount from held group by budget_id) e"
            + " where b.id = e.budget_id returning b.id),"
            + " booked as (insert into usage_ledger (request_id, tenant_id, api_key_id, backend, tier, cost_micros,"
            + " outcome, error_code, reason)"
            + " select coalesce(x.call_request_id, x.request_id), b.tenant_id, x.api_key_id, x.backend,"
            + " coalesce(x.tier, 'NONE'), x.amount_micros, 'EXPIRED', 'reservation_expired',"
            + " 'reservation ' || x.id || ' was never settled; charged at its reserved worst case'"
            + " from expired x join budgets b on b.id = x.budget_id returning id)"
            + " select count(*) from expired";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Inject
    UsageLedger usageLedger;

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public CallerBudgets findBudgets(long tenantId, Long apiKeyId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_FOR_CALLER)) {
            ps.setObject(1, apiKeyId, Types.BIGINT);
            ps.setLong(2, tenantId);
            boolean freeTiers = true;
            BudgetAccount tenantBudget = null;
            BudgetAccount keyBudget = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    freeTiers = rs.getBoolean(1);
                    long id = rs.getLong(2);
                    if (rs.wasNull()) {
                        continue;
                    }
                    long key = rs.getLong(3);
                    Long budgetKey = rs.wasNull() ? null : key;
                    long soft = rs.getLong(5);
                    Long softLimit = rs.wasNull() ? null : soft;
                    BudgetAccount account = new BudgetAccount(id, rs.getLong(4), softLimit, rs.getLong(6),
                            rs.getLong(7), rs.getString(8), instant(rs, 9), instant(rs, 10), instant(rs, 11));
                    if (budgetKey == null) {
                        tenantBudget = account;
                    } else {
                        keyBudget = account;
                    }
                }
            }
            return new CallerBudgets(freeTiers, tenantBudget, keyBudget);
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

    /**
     * One conditional UPDATE per budget, in ascending id order so that concurrent transactions lock the
     * same rows in the same order and cannot deadlock. When a later budget refuses, the earlier ones are
     * given back inside the same transaction, before anyone else can see them: all or nothing.
     */
    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public BudgetReservation reserve(List<Long> budgetIds, PendingCall call, long amountMicros, Duration ttl) {
        if (budgetIds.isEmpty() || budgetIds.size() > 2) {
            throw new IllegalArgumentException("a call is reserved on one or two budgets, not " + budgetIds.size());
        }
        List<Long> ordered = budgetIds.stream().sorted().toList();
        try (Connection c = dataSource.getConnection()) {
            List<BudgetHold> holds = new ArrayList<>(2);
            for (long budgetId : ordered) {
                Optional<BudgetHold> hold = hold(c, budgetId, amountMicros);
                if (hold.isEmpty()) {
                    for (BudgetHold taken : holds) {
                        unreserve(c, taken.budgetId(), amountMicros);
                    }
                    return BudgetReservation.refusedBy(budgetId);
                }
                holds.add(hold.get());
            }
            long reservationId = open(c, budgetIds, call, amountMicros, ttl);
            List<BudgetHold> opened = new ArrayList<>(holds.size());
            for (BudgetHold hold : holds) {
                boolean crossed;
                try (PreparedStatement ps = c.prepareStatement(SOFT_ALERT)) {
                    ps.setLong(1, hold.budgetId());
                    crossed = ps.executeUpdate() == 1;
                }
                opened.add(new BudgetHold(reservationId, hold.budgetId(), amountMicros, hold.limitMicros(),
                        hold.spentMicros(), hold.reservedMicros(), crossed, hold.resetsAt()));
            }
            return new BudgetReservation(reservationId, List.copyOf(opened), 0);
        } catch (SQLException e) {
            throw new BudgetStorageException("budget reservation failed", e);
        }
    }

    private static Optional<BudgetHold> hold(Connection c, long budgetId, long amountMicros) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RESERVE)) {
            ps.setLong(1, amountMicros);
            ps.setLong(2, budgetId);
            ps.setLong(3, amountMicros);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BudgetHold(0, budgetId, amountMicros, rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), false, instant(rs, 4)));
            }
        }
    }

    private static void unreserve(Connection c, long budgetId, long amountMicros) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UNRESERVE)) {
            ps.setLong(1, amountMicros);
            ps.setLong(2, budgetId);
            ps.executeUpdate();
        }
    }

    /** The first budget given is the reservation's own; a second is the key's, held alongside. */
    private static long open(Connection c, List<Long> budgetIds, PendingCall call, long amountMicros, Duration ttl)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OPEN_RESERVATION)) {
            ps.setLong(1, budgetIds.get(0));
            ps.setObject(2, budgetIds.size() > 1 ? budgetIds.get(1) : null, Types.BIGINT);
            ps.setString(3, call.reference());
            ps.setLong(4, amountMicros);
            ps.setLong(5, ttl.toSeconds());
            ps.setString(6, call.requestId());
            ps.setObject(7, call.apiKeyId(), Types.BIGINT);
            ps.setString(8, call.backend());
            ps.setString(9, call.tier());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public boolean settle(long reservationId, long chargeMicros, UsageRecord usage) {
        boolean closed = close(reservationId, "SETTLED", chargeMicros);
        if (!closed) {
            usage.cost(0, usage.getShadowCostMicros());
        }
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

    /**
     * Closes the reservation if still OPEN and moves its amount out of reserved on each budget it held,
     * charging at most that amount.
     */
    private boolean close(long reservationId, String status, long chargeMicros) {
        try (Connection c = dataSource.getConnection()) {
            List<Long> budgetIds = new ArrayList<>(2);
            long amount;
            try (PreparedStatement ps = c.prepareStatement(CLOSE)) {
                ps.setString(1, status);
                ps.setLong(2, reservationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    budgetIds.add(rs.getLong(1));
                    long keyBudget = rs.getLong(2);
                    if (!rs.wasNull()) {
                        budgetIds.add(keyBudget);
                    }
                    amount = rs.getLong(3);
                }
            }
            // The reservation row is locked now; budgets in ascending id order, as reserve takes them.
            for (long budgetId : budgetIds.stream().sorted().toList()) {
                try (PreparedStatement ps = c.prepareStatement(CHARGE)) {
                    ps.setLong(1, amount);
                    ps.setLong(2, Math.max(0, Math.min(chargeMicros, amount)));
                    ps.setLong(3, budgetId);
                    ps.executeUpdate();
                }
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
