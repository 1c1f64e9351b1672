package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.IdempotencyRecord;
import dev.llmrouter.persistence.IdempotencyRecords;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC: the claim is one INSERT ... ON CONFLICT whose returned row is the decision. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class JdbcIdempotencyRecords implements IdempotencyRecords {

    static final String CLAIM = "insert into idempotency_keys (tenant_id, idempotency_key, request_hash, request_id,"
            + " status, locked_until, expires_at) values (?, ?, ?, ?, 'IN_PROGRESS',"
            + " now() + make_interval(secs => ?), now() + make_interval(secs => ?))"
            + " on conflict (tenant_id, idempotency_key) do update set request_hash = excluded.request_hash,"
            + " request_id = excluded.request_id, status = 'IN_PROGRESS', response_status = null,"
            + " response_type = null, response_headers = null, response_body = null, created_at = now(),"
            + " completed_at = null, locked_until = excluded.locked_until, expires_at = excluded.expires_at"
            + " where idempotency_keys.expires_at <= now()"
            + " or (idempotency_keys.status = 'IN_PROGRESS' and idempotency_keys.locked_until <= now()"
            + " and idempotency_keys.request_hash = excluded.request_hash)"
            + " returning request_id";

    static final String FIND = "select request_hash, request_id, status = 'COMPLETED', coalesce(response_status, 0),"
            + " response_type, response_headers::text, response_body from idempotency_keys"
            + " where tenant_id = ? and idempotency_key = ? and expires_at > now()";

    static final String COMPLETE = "update idempotency_keys set status = 'COMPLETED', response_status = ?,"
            + " response_type = ?, response_headers = ?::jsonb, response_body = ?, completed_at = now()"
            + " where tenant_id = ? and idempotency_key = ? and request_id = ? and status = 'IN_PROGRESS'";

    static final String RELEASE = "delete from idempotency_keys where tenant_id = ? and idempotency_key = ?"
            + " and request_id = ? and status = 'IN_PROGRESS'";

    static final String DELETE_EXPIRED = "delete from idempotency_keys where ctid in (select ctid from idempotency_keys"
            + " where expires_at <= now() limit ?)";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public boolean claim(long tenantId, String key, String requestHash, String requestId, Duration lease,
                         Duration ttl) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setLong(1, tenantId);
            ps.setString(2, key);
            ps.setString(3, requestHash);
            ps.setString(4, requestId);
            ps.setLong(5, lease.toSeconds());
            ps.setLong(6, ttl.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("claiming an idempotency key failed", e);
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(long tenantId, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setLong(1, tenantId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IdempotencyRecord(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw failure("reading an idempotency key failed", e);
        }
    }

    @Override
    public boolean complete(long tenantId, String key, String requestId, int status, String contentType,
                            String headersJson, String body) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COMPLETE)) {
            ps.setInt(1, status);
            ps.setString(2, contentType);
            ps.setString(3, headersJson);
            ps.setString(4, body);
            ps.setLong(5, tenantId);
            ps.setString(6, key);
            ps.setString(7, requestId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("storing an idempotent response failed", e);
        }
    }

    @Override
    public boolean release(long tenantId, String key, String requestId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setLong(1, tenantId);
            ps.setString(2, key);
            ps.setString(3, requestId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("releasing an idempotency key failed", e);
        }
    }

    @Override
    public int deleteExpired(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE_EXPIRED)) {
            ps.setInt(1, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("deleting expired idempotency keys failed", e);
        }
    }

    private static IllegalStateException failure(String message, SQLException e) {
        return new IllegalStateException(message, e);
    }
}
