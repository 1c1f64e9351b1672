package dev.llmrouter.persistence.internal;

import static dev.llmrouter.persistence.internal.Statements.getLong;
import static dev.llmrouter.persistence.internal.Statements.setLong;

import dev.llmrouter.persistence.RoutingRules;
import dev.llmrouter.persistence.RoutingStorageException;
import dev.llmrouter.persistence.StoredRoutingRule;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC: the whole table is read every few seconds by every instance; it is small. */
@ApplicationScoped
@Transactional
public class JdbcRoutingRules implements RoutingRules {

    private static final String COLUMNS = "id, tenant_id, name, description, priority, condition::text as condition,"
            + " action::text as action, enabled, updated_at";
    private static final String INSERT = "insert into routing_rules (tenant_id, name, description, priority, condition,"
            + " action, enabled) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) returning " + COLUMNS;
    private static final String UPDATE = "update routing_rules set tenant_id = ?, name = ?, description = ?,"
            + " priority = ?, condition = ?::jsonb, action = ?::jsonb, enabled = ?, updated_at = now() where id = ?"
            + " returning " + COLUMNS;

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public List<StoredRoutingRule> all() {
        try {
            return Statements.list(dataSource, "select " + COLUMNS + " from routing_rules order by priority, id",
                    Statements.Binder.NONE, JdbcRoutingRules::read);
        } catch (SQLException e) {
            throw new RoutingStorageException("reading routing rules failed", e);
        }
    }

    @Override
    public Optional<StoredRoutingRule> find(long id) {
        try {
            return Statements.first(dataSource, "select " + COLUMNS + " from routing_rules where id = ?",
                    ps -> ps.setLong(1, id), JdbcRoutingRules::read);
        } catch (SQLException e) {
            throw new RoutingStorageException("reading routing rule " + id + " failed", e);
        }
    }

    @Override
    public StoredRoutingRule create(StoredRoutingRule rule) {
        return write(INSERT, ps -> bind(ps, rule)).orElseThrow();
    }

    @Override
    public Optional<StoredRoutingRule> update(StoredRoutingRule rule) {
        return write(UPDATE, ps -> {
            bind(ps, rule);
            ps.setLong(8, rule.id());
        });
    }

    @Override
    public boolean delete(long id) {
        try {
            return Statements.update(dataSource, "delete from routing_rules where id = ?", ps -> ps.setLong(1, id)) > 0;
        } catch (SQLException e) {
            throw new RoutingStorageException("deleting routing rule " + id + " failed", e);
        }
    }

    private Optional<StoredRoutingRule> write(String sql, Statements.Binder binder) {
        try {
            return Statements.first(dataSource, sql, binder, JdbcRoutingRules::read);
        } catch (SQLException e) {
            throw SqlErrors.nameTakenOr(e, "writing a routing rule failed");
        }
    }

    private static void bind(PreparedStatement ps, StoredRoutingRule r) throws SQLException {
        setLong(ps, 1, r.tenantId());
        ps.setString(2, r.name());
        ps.setString(3, r.description());
        ps.setInt(4, r.priority());
        ps.setString(5, r.conditionJson());
        ps.setString(6, r.actionJson());
        ps.setBoolean(7, r.enabled());
    }

    private static StoredRoutingRule read(ResultSet rs) throws SQLException {
        return new StoredRoutingRule(rs.getLong("id"), getLong(rs, "tenant_id"), rs.getString("name"),
                rs.getString("description"), rs.getInt("priority"), rs.getString("condition"),
                rs.getString("action"), rs.getBoolean("enabled"), rs.getTimestamp("updated_at").toInstant());
    }
}
