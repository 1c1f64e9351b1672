package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.BackendNameTakenException;
import dev.llmrouter.persistence.BackendStorageException;
import dev.llmrouter.persistence.Backends;
import dev.llmrouter.persistence.StoredBackend;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC: the table is tiny and read every few seconds by every instance, so the reader should be
 * one cheap statement with no persistence context between polls.
 */
@ApplicationScoped
public class JdbcBackends implements Backends {

    private static final String COLUMNS = "name, kind, tier, base_url, upstream_model, input_micros_per_mtok,"
            + " output_micros_per_mtok, max_concurrency, max_wait_queue, connect_timeout_ms, read_timeout_ms,"
            + " ttft_timeout_ms, api_key_ref, allow_private_network, enabled, simulated, updated_at";

    static final String ALL = "select " + COLUMNS + " from backends order by name";
    static final String FIND = "select " + COLUMNS + " from backends where name = ?";
    static final String INSERT = "insert into backends (kind, tier, base_url, upstream_model, input_micros_per_mtok,"
            + " output_micros_per_mtok, max_concurrency, max_wait_queue, connect_timeout_ms, read_timeout_ms,"
            + " ttft_timeout_ms, api_key_ref, allow_private_network, enabled, simulated, name)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS;
    static final String UPDATE = "update backends set kind = ?, tier = ?, base_url = ?, upstream_model = ?,"
            + " input_micros_per_mtok = ?, output_micros_per_mtok = ?, max_concurrency = ?, max_wait_queue = ?,"
            + " connect_timeout_ms = ?, read_timeout_ms = ?, ttft_timeout_ms = ?, api_key_ref = ?,"
            + " allow_private_network = ?, enabled = ?, simulated = ?, updated_at = now() where name = ? returning "
            + COLUMNS;
    static final String ENABLE = "update backends set enabled = ?, updated_at = now() where name = ? returning "
            + COLUMNS;
    static final String DELETE = "delete from backends where name = ?";

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public List<StoredBackend> all() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ALL);
             ResultSet rs = ps.executeQuery()) {
            List<StoredBackend> backends = new ArrayList<>();
            while (rs.next()) {
                backends.add(read(rs));
            }
            return backends;
        } catch (SQLException e) {
            throw new BackendStorageException("reading the backends table failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<StoredBackend> find(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, name);
            return single(ps);
        } catch (SQLException e) {
            throw new BackendStorageException("reading backend " + name + " failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public StoredBackend create(StoredBackend backend) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, backend);
            return single(ps).orElseThrow();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new BackendNameTakenException(backend.name(), e);
            }
            throw new BackendStorageException("storing backend " + backend.name() + " failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<StoredBackend> update(StoredBackend backend) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
            bind(ps, backend);
            return single(ps);
        } catch (SQLException e) {
            throw new BackendStorageException("updating backend " + backend.name() + " failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<StoredBackend> setEnabled(String name, boolean enabled) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ENABLE)) {
            ps.setBoolean(1, enabled);
            ps.setString(2, name);
            return single(ps);
        } catch (SQLException e) {
            throw new BackendStorageException("switching backend " + name + " failed", e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public boolean delete(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new BackendStorageException("deleting backend " + name + " failed", e);
        }
    }

    /** Binds every column in INSERT/UPDATE order; the name comes last, as the UPDATE's key. */
    private static void bind(PreparedStatement ps, StoredBackend b) throws SQLException {
        ps.setString(1, b.kind());
        ps.setString(2, b.tier());
        ps.setString(3, b.baseUrl());
        ps.setString(4, b.upstreamModel());
        setLong(ps, 5, b.inputMicrosPerMillion());
        setLong(ps, 6, b.outputMicrosPerMillion());
        setInt(ps, 7, b.maxConcurrency());
        setInt(ps, 8, b.maxWaitQueue());
        setInt(ps, 9, b.connectTimeoutMs());
        setInt(ps, 10, b.readTimeoutMs());
        setInt(ps, 11, b.ttftTimeoutMs());
        ps.setString(12, b.apiKeyRef());
        ps.setBoolean(13, b.allowPrivateNetwork());
        ps.setBoolean(14, b.enabled());
        ps.setBoolean(15, b.simulated());
        ps.setString(16, b.name());
    }

    private static Optional<StoredBackend> single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private static StoredBackend read(ResultSet rs) throws SQLException {
        return new StoredBackend(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                nullableLong(rs, 6), nullableLong(rs, 7), nullableInt(rs, 8), nullableInt(rs, 9), nullableInt(rs, 10),
                nullableInt(rs, 11), nullableInt(rs, 12), rs.getString(13), rs.getBoolean(14), rs.getBoolean(15),
                rs.getBoolean(16), rs.getTimestamp(17).toInstant());
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
