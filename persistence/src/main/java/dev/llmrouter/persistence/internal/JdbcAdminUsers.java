package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.AdminUser;
import dev.llmrouter.persistence.AdminUsers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Plain JDBC over the two tables that {@code DatabaseIdentityStoreDefinition} reads with its own
 * queries, so both always see the same rows.
 */
@ApplicationScoped
@Transactional
public class JdbcAdminUsers implements AdminUsers {

    private static final String SELECT = "select u.username, u.disabled, u.created_at,"
            + " coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}')"
            + " from admin_users u left join admin_user_roles r on r.username = u.username";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public List<AdminUser> list() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + " group by u.username order by u.username");
             ResultSet rs = ps.executeQuery()) {
            List<AdminUser> users = new ArrayList<>();
            while (rs.next()) {
                users.add(user(rs));
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("admin user query failed", e);
        }
    }

    @Override
    public Optional<AdminUser> find(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + " where u.username = ? group by u.username")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("admin user query failed", e);
        }
    }

    @Override
    public boolean any() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select exists (select 1 from admin_users)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("admin user query failed", e);
        }
    }

    @Override
    public boolean create(String username, String passwordHash, Set<String> roles) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into admin_users (username, password_hash)"
                    + " values (?, ?) on conflict (username) do nothing")) {
                ps.setString(1, username);
                ps.setString(2, passwordHash);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into admin_user_roles (username, role) values (?, ?)")) {
                for (String role : roles) {
                    ps.setString(1, username);
                    ps.setString(2, role);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("admin user insert failed", e);
        }
    }

    @Override
    public boolean setDisabled(String username, boolean disabled) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update admin_users set disabled = ?, updated_at = now() where username = ?")) {
            ps.setBoolean(1, disabled);
            ps.setString(2, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("admin user update failed", e);
        }
    }

    private static AdminUser user(ResultSet rs) throws SQLException {
        Array roles = rs.getArray(4);
        return new AdminUser(rs.getString(1), Set.of((String[]) roles.getArray()), rs.getBoolean(2),
                rs.getTimestamp(3).toInstant());
    }
}
