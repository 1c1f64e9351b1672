package it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the usage ledger straight from PostgreSQL, as an auditor would. */
public final class Ledger {

    public record Row(String backend, String tier, String outcome, String errorCode, int promptTokens,
                      int completionTokens, long costMicros, long shadowCostMicros, boolean streamed, String tenant) {
    }

    private Ledger() {
    }

    /** The newest migration Flyway applied, as the database itself records it. */
    public static String latestMigration() {
        String sql = "select version from flyway_schema_history where success order by installed_rank desc limit 1";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError("flyway history query failed", e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""));
    }

    public static List<Row> rows(String requestId) {
        String sql = "select u.backend, u.tier, u.outcome, u.error_code, u.prompt_tokens, u.completion_tokens,"
                + " u.cost_micros, u.shadow_cost_micros, u.streamed, t.name"
                + " from usage_ledger u join tenants t on t.id = u.tenant_id where u.request_id = ? order by u.id";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, requestId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getString(10)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("ledger query failed", e);
        }
    }
}
