package dev.llmrouter.bench;

import dev.llmrouter.cache.InteractionVerifier;
import dev.llmrouter.cache.MatchDecision;
import dev.llmrouter.cache.PartitionKey;
import dev.llmrouter.cache.SemanticMatcher;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.embed.DjlEmbedder;
import dev.llmrouter.embed.Embedded;
import dev.llmrouter.persistence.CachedAnswer;
import dev.llmrouter.persistence.internal.JdbcCacheEntries;
import dev.llmrouter.tenant.ApiKeyFormat;
import dev.llmrouter.tenant.SecretHasher;
import com.pgvector.PGvector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fills a fresh bench tenant's cache with N real questions (embedded by the real model), then
 * measures (1) the server's lookup code in-process: exact probe, embedding, HNSW top-k inside the
 * partition, verifier; and (2) hits end to end over HTTP against a running router.
 */
public final class CacheLatency {

    private static final String MODEL = "sim-local";

    private CacheLatency() {
    }

    public static void main(String[] args) throws Exception {
        int entries = 10_000;
        int queries = 300;
        String url = "http://localhost:9080";
        Path pairsFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--entries" -> entries = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                default -> pairsFile = Path.of(args[i]);
            }
        }
        List<Pair> pairs = Pair.read(pairsFile, Integer.MAX_VALUE);
        Set<String> unique = new LinkedHashSet<>();
        pairs.forEach(p -> unique.add(p.a()));
        pairs.forEach(p -> unique.add(p.b()));
        List<String> stored = new ArrayList<>(unique).subList(0, Math.min(entries, unique.size()));
        Set<String> storedSet = Set.copyOf(stored);
        List<String> paraphrases = new ArrayList<>();
        for (Pair p : pairs) {
            if (p.same() && storedSet.contains(p.a()) && !storedSet.contains(p.b()) && paraphrases.size() < queries) {
                paraphrases.add(p.b());
            }
        }
        List<String> repeats = stored.subList(0, Math.min(queries, stored.size()));

        PGSimpleDataSource db = dataSource();
        try (DjlEmbedder embedder = DjlEmbedder.load()) {
            long t0 = System.nanoTime();
            List<float[]> vectors = embedder.embedAll(stored);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "embedded %d questions in %.1f s (%.0f/s)%n", stored.size(), seconds,
                    stored.size() / seconds);

            BenchTenant tenant = BenchTenant.create(db);
            try {
                fill(db, tenant.id(), stored, vectors);
                inProcess(db, tenant.id(), embedder, repeats, paraphrases);
                overHttp(url, tenant.key(), repeats, paraphrases);
            } finally {
                tenant.retire(db);
            }
        }
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {env("DB_HOST", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(env("DB_PORT", "5432"))});
        ds.setDatabaseName(env("DB_NAME", "llmrouter"));
        ds.setUser(env("DB_USER", "llmrouter"));
        ds.setPassword(env("DB_PASSWORD", ""));
        return ds;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static PartitionKey key(String question) {
        return PartitionKey.of(ChatRequest.builder().model(MODEL).message(ChatMessage.user(question)).build());
    }

    private static void fill(PGSimpleDataSource db, long tenantId, List<String> questions, List<float[]> vectors)
            throws Exception {
        long t0 = System.nanoTime();
        String sql = "insert into cache_entries (tenant_id, partition_hash, prompt_hash, prompt_text, embedding,"
                + " response, model, prompt_tokens, completion_tokens, expires_at) values (?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
            for (int i = 0; i < questions.size(); i++) {
                PartitionKey key = key(questions.get(i));
                ps.setLong(1, tenantId);
                ps.setString(2, key.partitionHash());
                ps.setString(3, key.promptHash());
                ps.setString(4, questions.get(i));
                ps.setObject(5, new PGvector(vectors.get(i)));
                ps.setString(6, "[bench] cached answer " + i);
                ps.setString(7, MODEL);
                ps.setInt(8, 20);
                ps.setInt(9, 40);
                ps.setTimestamp(10, expires);
                ps.addBatch();
                if (i % 1_000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("analyze cache_entries");
            }
        }
        System.out.printf(Locale.ROOT, "stored %d entries in %.1f s%n", questions.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** The lookup exactly as SemanticCache runs it, timed phase by phase. */
    private static void inProcess(PGSimpleDataSource db, long tenantId, DjlEmbedder embedder, List<String> repeats,
                                  List<String> paraphrases) {
        JdbcCacheEntries entries = new JdbcCacheEntries(new TransactionalDataSource(db));
        InteractionVerifier interaction = InteractionVerifier.shipped();
        SemanticMatcher matcher = new SemanticMatcher(null, interaction);
        Latencies exact = new Latencies();
        Latencies embed = new Latencies();
        Latencies nearest = new Latencies();
        Latencies decide = new Latencies();
        Latencies total = new Latencies();
        int exactHits = 0;
        int semanticHits = 0;
        for (String q : repeats) {
            long t = System.nanoTime();
            boolean hit = entries.findExact(tenantId, key(q).partitionHash(), key(q).promptHash(), Instant.EPOCH)
                    .isPresent();
            exact.add(t);
            exactHits += hit ? 1 : 0;
        }
        for (String q : paraphrases) {
            long start = System.nanoTime();
            PartitionKey key = key(q);
            long t = System.nanoTime();
            entries.findExact(tenantId, key.partitionHash(), key.promptHash(), Instant.EPOCH);
            exact.add(t);
            t = System.nanoTime();
            Embedded incoming = embedder.encode(q);
            float[] vector = incoming.vector();
            embed.add(t);
            t = System.nanoTime();
            List<CachedAnswer> found = entries.findNearest(tenantId, key.partitionHash(), vector, 5, Instant.EPOCH);
            nearest.add(t);
            t = System.nanoTime();
            boolean hit = false;
            for (CachedAnswer candidate : found) {
                MatchDecision d = matcher.decide(candidate.question(), q, candidate.embedding(), incoming,
                        () -> embedder.encode(candidate.question()));
                if (d.hit()) {
                    hit = true;
                    break;
                }
            }
            decide.add(t);
            total.add(start);
            semanticHits += hit ? 1 : 0;
        }
        interaction.close();
        System.out.println("in-process lookup (ms):");
        System.out.println("  exact probe      " + exact.summary());
        System.out.println("  embed question   " + embed.summary());
        System.out.println("  hnsw top-5       " + nearest.summary());
        System.out.println("  guards+verifiers " + decide.summary() + " (token states of candidates included)");
        System.out.println("  semantic total   " + total.summary());
        System.out.printf(Locale.ROOT, "  exact hits %d/%d, semantic hits %d/%d (true duplicates)%n", exactHits,
                repeats.size(), semanticHits, paraphrases.size());
    }

    private static void overHttp(String url, String key, List<String> repeats, List<String> paraphrases)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() != 200) {
                System.out.println("http: router at " + url + " not ready (" + ready.statusCode() + "); skipped");
                return;
            }
        } catch (java.io.IOException e) {
            System.out.println("http: no router at " + url + " (start it with scripts/start); skipped");
            return;
        }
        Map<String, Latencies> byStatus = new HashMap<>();
        List<String> all = new ArrayList<>(repeats);
        all.addAll(paraphrases);
        for (int i = 0; i < Math.min(20, repeats.size()); i++) {
            post(http, url, key, repeats.get(i));
        }
        for (String q : all) {
            long t = System.nanoTime();
            HttpResponse<String> response = post(http, url, key, q);
            String status = response.headers().firstValue("x-router-cache-status").orElse("HTTP " + response.statusCode());
            byStatus.computeIfAbsent(status, s -> new Latencies()).add(t);
        }
        System.out.println("end to end over HTTP (ms):");
        byStatus.forEach((status, l) -> System.out.printf(Locale.ROOT, "  %-13s %s%n", status, l.summary()));
    }

    private static HttpResponse<String> post(HttpClient http, String url, String key, String question)
            throws Exception {
        String body = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + quote(question) + "}]}";
        return http.send(HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A tenant of its own with a working key, stored the way the router stores keys. */
    private record BenchTenant(long id, String key) {

        static BenchTenant create(PGSimpleDataSource db) throws Exception {
            String key = ApiKeyFormat.generate();
            ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse(key).orElseThrow();
            byte[] salt = SecretHasher.newSalt();
            try (Connection c = db.getConnection()) {
                long id;
                try (PreparedStatement ps = c.prepareStatement("insert into tenants (name) values (?) returning id")) {
                    ps.setString(1, "bench-" + System.currentTimeMillis());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into api_keys (tenant_id, key_id, salt, secret_hash, name) values (?,?,?,?,'bench')")) {
                    ps.setLong(1, id);
                    ps.setString(2, parsed.keyId());
                    ps.setBytes(3, salt);
                    ps.setBytes(4, SecretHasher.hash(salt, parsed.secret()));
                    ps.executeUpdate();
                }
                return new BenchTenant(id, key);
            }
        }

        /** Its cache goes; the tenant stays, suspended, so the usage ledger keeps its history. */
        void retire(PGSimpleDataSource db) throws Exception {
            try (Connection c = db.getConnection(); var st = c.createStatement()) {
                st.execute("delete from cache_entries where tenant_id = " + id);
                st.execute("update tenants set status = 'SUSPENDED' where id = " + id);
            }
        }
    }
}
