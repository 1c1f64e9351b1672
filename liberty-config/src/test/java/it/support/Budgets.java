package it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Arranges and reads budget rows straight in PostgreSQL, the way an operator sets them today
 * (there is no admin API for budgets yet).
 */
public final class Budgets {

    /** A budget row as stored. */
    public record State(long id, long limitMicros, long spentMicros, long reservedMicros) {
    }

    private Budgets() {
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""));
    }

    /**
     * Gives the tenant a tenant-wide budget. MONTHLY budgets start this calendar month (UTC) and reset at
     * the next; NONE budgets never reset.
     */
    public static long create(String tenant, long limitMicros, String period) {
        String sql = "insert into budgets (tenant_id, limit_micros, period, period_start, resets_at)"
                + " select id, ?, ?, date_trunc('month', now() at time zone 'UTC') at time zone 'UTC',"
                + " case when ? = 'NONE' then null"
                + " else (date_trunc('month', now() at time zone 'UTC') + interval '1 month') at time zone 'UTC' end"
                + " from tenants where name = ? returning id";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, limitMicros);
            ps.setString(2, period);
            ps.setString(3, period);
            ps.setString(4, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not arrange a budget for " + tenant, e);
        }
    }

    /** Gives one API key a budget of its own, next to (or instead of) the tenant-wide one; never resets. */
    public static long createForKey(String apiKey, long limitMicros) {
        String sql = "insert into budgets (tenant_id, api_key_id, limit_micros, period, period_start, resets_at)"
                + " select tenant_id, id, ?, 'NONE', now(), null from api_keys where key_id = ? returning id";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, limitMicros);
            ps.setString(2, Tenants.keyId(apiKey));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not arrange a key budget", e);
        }
    }

    /** Sum of cost over every usage row of the tenant (answers, partial failures, expired reservations). */
    public static long ledgerCostMicros(String tenant) {
        return queryLong("select coalesce(sum(u.cost_micros), 0) from usage_ledger u join tenants t on t.id = u.tenant_id"
                + " where t.name = ?", tenant);
    }

    /** Sum of cost over every usage row made with one API key. */
    public static long ledgerCostMicrosOfKey(String apiKey) {
        return queryLong("select coalesce(sum(u.cost_micros), 0) from usage_ledger u join api_keys k on k.id = u.api_key_id"
                + " where k.key_id = ?", Tenants.keyId(apiKey));
    }

    /** Reservations of the budget that also held money on a key's budget. */
    public static long reservationsHeldWithKeyBudget(long budgetId, long keyBudgetId) {
        return queryLong("select count(*) from reservations where budget_id = ? and key_budget_id = ?", budgetId,
                keyBudgetId);
    }

    /** Overwrites the money columns, for states that requests alone cannot reach. */
    public static void set(long budgetId, long limitMicros, long spentMicros, long reservedMicros) {
        update(budgetId, "limit_micros = ?, spent_micros = ?, reserved_micros = ?", limitMicros, spentMicros,
                reservedMicros);
    }

    public static void softLimit(long budgetId, long softLimitMicros) {
        update(budgetId, "soft_limit_micros = ?", softLimitMicros);
    }

    /** When the soft limit was reported, in epoch microseconds; 0 when it never was. */
    public static long softAlertedAt(long budgetId) {
        return queryLong("select coalesce((extract(epoch from soft_alerted_at) * 1000000)::bigint, 0) from budgets"
                + " where id = ?", budgetId);
    }

    /**
     * Puts a budget's current period at {@code gone} since it started and {@code left} before it resets,
     * so that the share of the period gone (which pacing reads) does not depend on today's date.
     */
    public static void setPeriod(long budgetId, Duration gone, Duration left) {
        update(budgetId, "period_start = now() - make_interval(secs => ?),"
                + " resets_at = now() + make_interval(secs => ?)", gone.toSeconds(), left.toSeconds());
    }

    /** Seconds from the database's now to the budget's reset. */
    public static long secondsUntilReset(long budgetId) {
        return queryLong("select ceil(extract(epoch from resets_at - now()))::bigint from budgets where id = ?",
                budgetId);
    }

    public static State state(long budgetId) {
        String sql = "select id, limit_micros, spent_micros, reserved_micros from budgets where id = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, budgetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read budget " + budgetId, e);
        }
    }

    /**
     * An OPEN reservation that expired a minute ago, as a router instance that died mid-call leaves it:
     * its amount is held in the budget's reserved total.
     */
    public static long abandonedReservation(long budgetId, long amountMicros) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement hold = c.prepareStatement(
                    "update budgets set reserved_micros = reserved_micros + ? where id = ?");
                 PreparedStatement insert = c.prepareStatement("insert into reservations (budget_id, request_id,"
                         + " amount_micros, status, created_at, expires_at) values (?, ?, ?, 'OPEN',"
                         + " now() - interval '20 minutes', now() - interval '1 minute') returning id")) {
                hold.setLong(1, amountMicros);
                hold.setLong(2, budgetId);
                hold.executeUpdate();
                insert.setLong(1, budgetId);
                insert.setString(2, "it-abandoned-" + System.nanoTime());
                insert.setLong(3, amountMicros);
                long id;
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                c.commit();
                return id;
            }
        } catch (SQLException e) {
            throw new AssertionError("could not arrange an abandoned reservation", e);
        }
    }

    public static String reservationStatus(long reservationId) {
        String sql = "select status from reservations where id = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, reservationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read reservation " + reservationId, e);
        }
    }

    /** How many of the budget's reservations are in {@code status}. */
    public static long reservations(long budgetId, String status) {
        return queryLong("select count(*) from reservations where budget_id = ? and status = ?", budgetId, status);
    }

    /** Sum of cost over the tenant's OK usage rows: what the tenant was charged. */
    public static long chargedMicros(String tenant) {
        return queryLong("select coalesce(sum(u.cost_micros), 0) from usage_ledger u join tenants t on t.id = u.tenant_id"
                + " where t.name = ? and u.outcome = 'OK'", tenant);
    }

    /** The tenant's usage rows with {@code outcome}. */
    public static long ledgerRows(String tenant, String outcome) {
        return queryLong("select count(*) from usage_ledger u join tenants t on t.id = u.tenant_id"
                + " where t.name = ? and u.outcome = ?", tenant, outcome);
    }

    /** {@code update budgets set ASSIGNMENTS where id = budgetId}, the assignments' parameters given in order. */
    private static void update(long budgetId, String assignments, Object... parameters) {
        String sql = "update budgets set " + assignments + " where id = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            ps.setLong(parameters.length + 1, budgetId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("could not update budget " + budgetId + ": " + sql, e);
        }
    }

    private static long queryLong(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("budget query failed: " + sql, e);
        }
    }

    private static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
    }
}
