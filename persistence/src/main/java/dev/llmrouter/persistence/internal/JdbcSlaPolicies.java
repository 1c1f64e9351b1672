package dev.llmrouter.persistence.internal;

import static dev.llmrouter.persistence.internal.Statements.getDouble;
import static dev.llmrouter.persistence.internal.Statements.getLong;
import static dev.llmrouter.persistence.internal.Statements.setDouble;
import static dev.llmrouter.persistence.internal.Statements.setLong;

import dev.llmrouter.persistence.RoutingStorageException;
import dev.llmrouter.persistence.SlaPolicies;
import dev.llmrouter.persistence.SlaPolicy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC; {@link #forCaller} runs on every routed request, so it is one statement. */
@ApplicationScoped
@Transactional
public class JdbcSlaPolicies implements SlaPolicies {

    private static final String COLUMNS = "id, name, description, latency_target_ms, max_cost_micros, min_quality,"
            + " cost_weight, updated_at";
    private static final String FOR_CALLER = "select " + COLUMNS + " from sla_policies where id = coalesce("
            + "(select sla_policy_id from api_keys where id = ? and tenant_id = ?),"
            + " (select sla_policy_id from tenants where id = ?))";
    private static final String INSERT = "insert into sla_policies (name, description, latency_target_ms,"
            + " max_cost_micros, min_quality, cost_weight) values (?, ?, ?, ?, ?, ?) returning " + COLUMNS;
    private static final String UPDATE = "update sla_policies set name = ?, description = ?, latency_target_ms = ?,"
            + " max_cost_micros = ?, min_quality = ?, cost_weight = ?, updated_at = now() where id = ? returning "
            + COLUMNS;

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public List<SlaPolicy> all() {
        return policies("select " + COLUMNS + " from sla_policies order by name", Statements.Binder.NONE);
    }

    @Override
    public Optional<SlaPolicy> find(long id) {
        return policies("select " + COLUMNS + " from sla_policies where id = ?", ps -> ps.setLong(1, id))
                .stream().findFirst();
    }

    @Override
    public Optional<SlaPolicy> findByName(String name) {
        return policies("select " + COLUMNS + " from sla_policies where name = ?", ps -> ps.setString(1, name))
                .stream().findFirst();
    }

    @Override
    public Optional<SlaPolicy> forCaller(long tenantId, Long apiKeyId) {
        return policies(FOR_CALLER, ps -> {
            ps.setLong(1, apiKeyId == null ? -1 : apiKeyId);
            ps.setLong(2, tenantId);
            ps.setLong(3, tenantId);
        }).stream().findFirst();
    }

    @Override
    public SlaPolicy create(SlaPolicy policy) {
        return write(INSERT, ps -> bind(ps, policy)).orElseThrow();
    }

    @Override
    public Optional<SlaPolicy> update(SlaPolicy policy) {
        return write(UPDATE, ps -> {
            bind(ps, policy);
            ps.setLong(7, policy.id());
        });
    }

    @Override
    public boolean delete(long id) {
        return change("delete from sla_policies where id = ?", ps -> ps.setLong(1, id)) > 0;
    }

    @Override
    public Followers followers(long id) {
        try {
            List<String> tenants = Statements.list(dataSource,
                    "select name from tenants where sla_policy_id = ? order by name", ps -> ps.setLong(1, id),
                    rs -> rs.getString(1));
            List<Long> keys = Statements.list(dataSource,
                    "select id from api_keys where sla_policy_id = ? order by id", ps -> ps.setLong(1, id),
                    rs -> rs.getLong(1));
            return new Followers(List.copyOf(tenants), List.copyOf(keys));
        } catch (SQLException e) {
            throw new RoutingStorageException("reading the followers of SLA policy " + id + " failed", e);
        }
    }

    @Override
    public boolean assignToTenant(long tenantId, Long policyId) {
        return change("update tenants set sla_policy_id = ?, updated_at = now() where id = ?", ps -> {
            setLong(ps, 1, policyId);
            ps.setLong(2, tenantId);
        }) > 0;
    }

    @Override
    public boolean assignToKey(long tenantId, long apiKeyId, Long policyId) {
        return change("update api_keys set sla_policy_id = ? where id = ? and tenant_id = ?", ps -> {
            setLong(ps, 1, policyId);
            ps.setLong(2, apiKeyId);
            ps.setLong(3, tenantId);
        }) > 0;
    }

    private static void bind(PreparedStatement ps, SlaPolicy p) throws SQLException {
        ps.setString(1, p.name());
        ps.setString(2, p.description());
        ps.setInt(3, p.latencyTargetMs());
        setLong(ps, 4, p.maxCostMicros());
        setDouble(ps, 5, p.minQuality());
        setDouble(ps, 6, p.costWeight());
    }

    private static SlaPolicy read(ResultSet rs) throws SQLException {
        return new SlaPolicy(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getInt("latency_target_ms"), getLong(rs, "max_cost_micros"), getDouble(rs, "min_quality"),
                getDouble(rs, "cost_weight"), rs.getTimestamp("updated_at").toInstant());
    }

    private List<SlaPolicy> policies(String sql, Statements.Binder binder) {
        try {
            return Statements.list(dataSource, sql, binder, JdbcSlaPolicies::read);
        } catch (SQLException e) {
            throw new RoutingStorageException("reading SLA policies failed", e);
        }
    }

    private Optional<SlaPolicy> write(String sql, Statements.Binder binder) {
        try {
            return Statements.first(dataSource, sql, binder, JdbcSlaPolicies::read);
        } catch (SQLException e) {
            throw SqlErrors.nameTakenOr(e, "writing an SLA policy failed");
        }
    }

    private int change(String sql, Statements.Binder binder) {
        try {
            return Statements.update(dataSource, sql, binder);
        } catch (SQLException e) {
            throw new RoutingStorageException("changing SLA policies failed", e);
        }
    }
}
