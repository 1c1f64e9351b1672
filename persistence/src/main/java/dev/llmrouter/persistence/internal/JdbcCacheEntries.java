package dev.llmrouter.persistence.internal;

import com.pgvector.PGvector;
import dev.llmrouter.persistence.CacheEntries;
import dev.llmrouter.persistence.CacheUnavailableException;
import dev.llmrouter.persistence.CachedAnswer;
import dev.llmrouter.persistence.NewCacheEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC on the hot path: one statement per lookup, vectors bound as pgvector values.
 * The HNSW search runs with iterative scan so the tenant and partition filters cannot starve it.
 */
@ApplicationScoped
public class JdbcCacheEntries implements CacheEntries {

    private static final String COLUMNS = "id, prompt_text, response, model, prompt_tokens, completion_tokens,"
            + " created_at, expires_at";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    /** For the container. */
    public JdbcCacheEntries() {
    }

    /** For tools outside the container (benchmarks); their connections must not auto-commit. */
    public JdbcCacheEntries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<CachedAnswer> findExact(long tenantId, String partitionHash, String promptHash, Instant notBefore) {
        String sql = "select " + COLUMNS + ", 1.0 from cache_entries where tenant_id = ? and partition_hash = ?"
                + " and prompt_hash = ? and expires_at > now() and created_at >= ? order by created_at desc limit 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenantId);
            ps.setString(2, partitionHash);
            ps.setString(3, promptHash);
            ps.setTimestamp(4, Timestamp.from(notBefore));
            List<CachedAnswer> rows = read(ps);
            return rows.stream().findFirst();
        } catch (SQLException e) {
            throw new CacheUnavailableException("exact cache lookup failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public List<CachedAnswer> findNearest(long tenantId, String partitionHash, float[] embedding, int limit,
                                          Instant notBefore) {
        return nearest(tenantId, partitionHash, embedding, limit, notBefore);
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public long insert(NewCacheEntry entry) {
        String sql = "insert into cache_entries (tenant_id, partition_hash, prompt_hash, prompt_text, embedding,"
                + " response, model, prompt_tokens, completion_tokens, expires_at) values (?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setLong(1, entry.tenantId());
            ps.setString(2, entry.partitionHash());
            ps.setString(3, entry.promptHash());
            ps.setString(4, entry.question());
            ps.setObject(5, new PGvector(entry.embedding()));
            ps.setString(6, entry.answer());
            ps.setString(7, entry.model());
            ps.setInt(8, entry.promptTokens());
            ps.setInt(9, entry.completionTokens());
            ps.setTimestamp(10, Timestamp.from(entry.expiresAt()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new CacheUnavailableException("cache admission failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void recordHit(long id) {
        update("update cache_entries set hit_count = hit_count + 1, last_hit_at = now() where id = ?", id);
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public int deleteExpired(int limit) {
        String sql = "delete from cache_entries where id in"
                + " (select id from cache_entries where expires_at <= now() limit ?)";
        return update(sql, limit);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<CachedAnswer> list(long tenantId, int offset, int limit) {
        String sql = "select " + COLUMNS + ", 1.0 from cache_entries where tenant_id = ? and expires_at > now()"
                + " order by id desc offset ? limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenantId);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new CacheUnavailableException("cache listing failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public List<CachedAnswer> search(long tenantId, float[] embedding, int limit) {
        return nearest(tenantId, null, embedding, limit, Instant.EPOCH);
    }

    /** Nearest live entries of the tenant, inside one partition when one is named. */
    private List<CachedAnswer> nearest(long tenantId, String partitionHash, float[] embedding, int limit,
                                       Instant notBefore) {
        String sql = "select " + COLUMNS + ", 1 - (embedding <=> ?), embedding::text from cache_entries"
                + " where tenant_id = ?" + (partitionHash == null ? "" : " and partition_hash = ?")
                + " and expires_at > now() and created_at >= ? order by embedding <=> ? limit ?";
        try (Connection c = dataSource.getConnection()) {
            try (Statement settings = c.createStatement()) {
                // Local to this transaction: a filtered HNSW scan keeps searching until it finds rows.
                settings.execute("set local hnsw.iterative_scan = relaxed_order");
                settings.execute("set local hnsw.ef_search = 100");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                PGvector vector = new PGvector(embedding);
                int i = 1;
                ps.setObject(i++, vector);
                ps.setLong(i++, tenantId);
                if (partitionHash != null) {
                    ps.setString(i++, partitionHash);
                }
                ps.setTimestamp(i++, Timestamp.from(notBefore));
                ps.setObject(i++, vector);
                ps.setInt(i, limit);
                return read(ps);
            }
        } catch (SQLException e) {
            throw new CacheUnavailableException("semantic cache lookup failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public boolean delete(long tenantId, long id) {
        return update("delete from cache_entries where tenant_id = ? and id = ?", tenantId, id) == 1;
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public int purge(long tenantId) {
        return update("delete from cache_entries where tenant_id = ?", tenantId);
    }

    private int update(String sql, long... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setLong(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheUnavailableException("cache update failed", e);
        }
    }

    private static List<CachedAnswer> read(PreparedStatement ps) throws SQLException {
        List<CachedAnswer> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            boolean withVectors = rs.getMetaData().getColumnCount() > 9;
            while (rs.next()) {
                float[] embedding = withVectors ? new PGvector(rs.getString(10)).toArray() : null;
                rows.add(new CachedAnswer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                        rs.getDouble(9), embedding));
            }
        }
        return rows;
    }
}
