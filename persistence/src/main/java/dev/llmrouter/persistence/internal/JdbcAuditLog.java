package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.AuditEntry;
import dev.llmrouter.persistence.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Insert and select only: the application never updates or deletes audit rows. */
@ApplicationScoped
@Transactional
public class JdbcAuditLog implements AuditLog {

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public void append(String actor, String action, String target, String detailJson) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into audit_log (actor, action, target, detail) values (?, ?, ?, ?::jsonb)")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, target);
            ps.setString(4, detailJson);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit insert failed", e);
        }
    }

    @Override
    public List<AuditEntry> list(Long beforeId, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, at, actor, action, target, detail::text from audit_log"
                        + " where ?::bigint is null or id < ? order by id desc limit ?")) {
            if (beforeId == null) {
                ps.setNull(1, Types.BIGINT);
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(1, beforeId);
                ps.setLong(2, beforeId);
            }
            ps.setInt(3, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }
}
