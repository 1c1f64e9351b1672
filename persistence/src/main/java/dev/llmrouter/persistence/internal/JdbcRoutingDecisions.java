package dev.llmrouter.persistence.internal;

import static dev.llmrouter.persistence.internal.Statements.getDouble;
import static dev.llmrouter.persistence.internal.Statements.getLong;
import static dev.llmrouter.persistence.internal.Statements.setDouble;
import static dev.llmrouter.persistence.internal.Statements.setLong;

import com.pgvector.PGvector;
import dev.llmrouter.persistence.NewRoutingDecision;
import dev.llmrouter.persistence.RoutingDecisions;
import dev.llmrouter.persistence.RoutingStorageException;
import dev.llmrouter.persistence.StoredDecision;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC with a pgvector value; one insert per routed request, in a transaction of its own. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class JdbcRoutingDecisions implements RoutingDecisions {

    private static final String INSERT = "insert into routing_decisions (request_id, tenant_id, api_key_id,"
            + " model_alias, category, difficulty, prompt_tokens, embedding, tier, backend, cache_status,"
            + " cache_entry_id, outcome, reason, ranking) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
            + " returning id";
    private static final String COLUMNS = "d.id, d.request_id, d.tenant_id, t.name as tenant_name, d.api_key_id,"
            + " d.model_alias, d.category, d.difficulty, d.prompt_tokens, d.tier, d.backend, d.cache_status,"
            + " d.cache_entry_id, d.outcome, d.reason, d.ranking::text as ranking, d.feedback_score,"
            + " d.feedback_comment, d.feedback_at, d.created_at";
    private static final String FROM = " from routing_decisions d join tenants t on t.id = d.tenant_id";

    @Resource(lookup = "jdbc/router")
    DataSource dataSource;

    @Override
    public long insert(NewRoutingDecision d) {
        try {
            return Statements.list(dataSource, INSERT, ps -> {
                ps.setString(1, d.requestId());
                ps.setLong(2, d.tenantId());
                setLong(ps, 3, d.apiKeyId());
                ps.setString(4, d.modelAlias());
                ps.setString(5, d.category());
                setDouble(ps, 6, d.difficulty());
                if (d.promptTokens() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, d.promptTokens());
                }
                if (d.embedding() == null) {
                    ps.setNull(8, Types.OTHER);
                } else {
                    ps.setObject(8, new PGvector(d.embedding()));
                }
                ps.setString(9, d.tier());
                ps.setString(10, d.backend());
                ps.setString(11, d.cacheStatus());
                setLong(ps, 12, d.cacheEntryId());
                ps.setString(13, d.outcome());
                ps.setString(14, d.reason());
                ps.setString(15, d.rankingJson());
            }, rs -> rs.getLong(1)).get(0);
        } catch (SQLException e) {
            throw new RoutingStorageException("recording the decision of request " + d.requestId() + " failed", e);
        }
    }

    @Override
    public Optional<StoredDecision> latest(long tenantId, String requestId) {
        return read("select " + COLUMNS + ", d.embedding::text as embedding" + FROM
                + " where d.tenant_id = ? and d.request_id = ? order by d.id desc limit 1", ps -> {
                    ps.setLong(1, tenantId);
                    ps.setString(2, requestId);
                }, true).stream().findFirst();
    }

    @Override
    public Optional<StoredDecision> find(long id) {
        return read("select " + COLUMNS + FROM + " where d.id = ?", ps -> ps.setLong(1, id), false)
                .stream().findFirst();
    }

    @Override
    public List<StoredDecision> recent(Long tenantId, Long beforeId, int limit) {
        return read("select " + COLUMNS + FROM + " where (? is null or d.tenant_id = ?) and (? is null or d.id < ?)"
                + " order by d.id desc limit ?", ps -> {
                    setLong(ps, 1, tenantId);
                    setLong(ps, 2, tenantId);
                    setLong(ps, 3, beforeId);
                    setLong(ps, 4, beforeId);
                    ps.setInt(5, limit);
                }, false);
    }

    @Override
    public boolean recordFeedback(long decisionId, double score, String comment) {
        try {
            return Statements.update(dataSource, "update routing_decisions set feedback_score = ?,"
                    + " feedback_comment = ?, feedback_at = now() where id = ?", ps -> {
                        ps.setDouble(1, score);
                        ps.setString(2, comment);
                        ps.setLong(3, decisionId);
                    }) > 0;
        } catch (SQLException e) {
            throw new RoutingStorageException("storing feedback on decision " + decisionId + " failed", e);
        }
    }

    @Override
    public int purgeBefore(Instant before) {
        try {
            return Statements.update(dataSource, "delete from routing_decisions where created_at < ?",
                    ps -> ps.setTimestamp(1, Timestamp.from(before)));
        } catch (SQLException e) {
            throw new RoutingStorageException("purging old routing decisions failed", e);
        }
    }

    private List<StoredDecision> read(String sql, Statements.Binder binder, boolean withEmbedding) {
        try {
            return Statements.list(dataSource, sql, binder, rs -> decision(rs, withEmbedding));
        } catch (SQLException e) {
            throw new RoutingStorageException("reading routing decisions failed", e);
        }
    }

    private static StoredDecision decision(ResultSet rs, boolean withEmbedding) throws SQLException {
        float[] embedding = null;
        if (withEmbedding) {
            String text = rs.getString("embedding");
            embedding = text == null ? null : new PGvector(text).toArray();
        }
        int tokens = rs.getInt("prompt_tokens");
        Integer promptTokens = rs.wasNull() ? null : tokens;
        Timestamp feedbackAt = rs.getTimestamp("feedback_at");
        return new StoredDecision(rs.getLong("id"), rs.getString("request_id"), rs.getLong("tenant_id"),
                rs.getString("tenant_name"), getLong(rs, "api_key_id"), rs.getString("model_alias"),
                rs.getString("category"), getDouble(rs, "difficulty"), promptTokens, embedding, rs.getString("tier"),
                rs.getString("backend"), rs.getString("cache_status"), getLong(rs, "cache_entry_id"),
                rs.getString("outcome"), rs.getString("reason"), rs.getString("ranking"),
                getDouble(rs, "feedback_score"), rs.getString("feedback_comment"),
                feedbackAt == null ? null : feedbackAt.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
