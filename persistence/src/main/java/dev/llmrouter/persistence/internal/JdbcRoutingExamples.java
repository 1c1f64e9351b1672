package dev.llmrouter.persistence.internal;

import com.pgvector.PGvector;
import dev.llmrouter.persistence.NewRoutingExample;
import dev.llmrouter.persistence.RoutingExamples;
import dev.llmrouter.persistence.RoutingHistoryUnavailableException;
import dev.llmrouter.persistence.RoutingNeighbour;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC with pgvector values, like the cache: the nearest-example search runs on every routed
 * request. The HNSW scan is iterative, so the tenant filter cannot leave it short of rows.
 */
@ApplicationScoped
public class JdbcRoutingExamples implements RoutingExamples {

    private static final String INSERT = "insert into routing_examples (tenant_id, backend, tier, category, score,"
            + " embedding, source, request_id) values (?,?,?,?,?,?,?,?)"
            + " on conflict (request_id, backend) where request_id is not null"
            + " do update set score = excluded.score, category = excluded.category, created_at = now()";

    private static final int BATCH = 500;

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    /** For the container. */
    public JdbcRoutingExamples() {
    }

    /** For tools outside the container (benchmarks); their connections must not auto-commit. */
    public JdbcRoutingExamples(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public long insert(NewRoutingExample example) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            bind(ps, example);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new RoutingHistoryUnavailableException("storing a routing example failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public int insertAll(List<NewRoutingExample> examples) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            int stored = 0;
            for (int i = 0; i < examples.size(); i++) {
                bind(ps, examples.get(i));
                ps.addBatch();
                if (i % BATCH == BATCH - 1 || i == examples.size() - 1) {
                    for (int n : ps.executeBatch()) {
                        stored += n == Statement.SUCCESS_NO_INFO ? 1 : n;
                    }
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new RoutingHistoryUnavailableException("importing routing examples failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public List<RoutingNeighbour> nearest(Long tenantId, float[] embedding, int limit) {
        String sql = "select id, tenant_id, backend, tier, category, score, 1 - (embedding <=> ?) from routing_examples"
                + " where " + (tenantId == null ? "tenant_id is null" : "(tenant_id = ? or tenant_id is null)")
                + " order by embedding <=> ? limit ?";
        try (Connection c = dataSource.getConnection()) {
            return nearest(c, sql, tenantId, embedding, limit);
        } catch (SQLException e) {
            throw new RoutingHistoryUnavailableException("routing history lookup failed", e);
        }
    }

    private static List<RoutingNeighbour> nearest(Connection c, String sql, Long tenantId, float[] embedding, int limit)
            throws SQLException {
        // A filtered HNSW scan must keep searching until it finds rows. Inside a transaction the settings
        // end with it; a connection that reports auto-commit gets them for its session instead, because
        // SET LOCAL would silently do nothing there. Liberty reports auto-commit even inside the method's own
        // global transaction, and refuses local commit or rollback calls on it (DSRA9350E): managing a
        // transaction here is not an option. Every HNSW search of the router wants these values anyway.
        String scope = c.getAutoCommit() ? "set " : "set local ";
        try (Statement settings = c.createStatement()) {
            settings.execute(scope + "hnsw.iterative_scan = relaxed_order");
            settings.execute(scope + "hnsw.ef_search = " + Math.max(40, 2 * limit));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            PGvector vector = new PGvector(embedding);
            int i = 1;
            ps.setObject(i++, vector);
            if (tenantId != null) {
                ps.setLong(i++, tenantId);
            }
            ps.setObject(i++, vector);
            ps.setInt(i, limit);
            List<RoutingNeighbour> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long tenant = rs.getLong(2);
                    rows.add(new RoutingNeighbour(rs.getLong(1), rs.wasNull() ? null : tenant, rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getDouble(7)));
                }
            }
            // relaxed_order may return rows slightly out of order; callers expect most similar first.
            rows.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            return rows;
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public int purge(Long tenantId) {
        String sql = "delete from routing_examples where " + (tenantId == null ? "tenant_id is null" : "tenant_id = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (tenantId != null) {
                ps.setLong(1, tenantId);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new RoutingHistoryUnavailableException("purging routing examples failed", e);
        }
    }

    private static void bind(PreparedStatement ps, NewRoutingExample e) throws SQLException {
        if (e.tenantId() == null) {
            ps.setNull(1, Types.BIGINT);
        } else {
            ps.setLong(1, e.tenantId());
        }
        ps.setString(2, e.backend());
        ps.setString(3, e.tier());
        ps.setString(4, e.category());
        ps.setDouble(5, e.score());
        ps.setObject(6, new PGvector(e.embedding()));
        ps.setString(7, e.source());
        ps.setString(8, e.requestId());
    }
}
