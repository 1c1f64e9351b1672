package it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;

/**
 * Backends defined in the database, written straight into the {@code backends} table as the admin API
 * does, then waited for on the router instances (each refreshes its registry every few seconds).
 */
public final class StoredBackends {

    /** The environment property of the IT servers that holds the simulated upstream's key. */
    public static final String SIMULATOR_KEY_REF = "SIMULATOR_API_KEY";

    private StoredBackends() {
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""));
    }

    /** A backend with short timeouts on the simulated upstream, on loopback (hence allow_private_network). */
    public static void insert(String name, String kind, String tier, String baseUrl, String upstreamModel,
                              String apiKeyRef, int readTimeoutMs, String extraSql) {
        String sql = "insert into backends (name, kind, tier, base_url, upstream_model, api_key_ref,"
                + " allow_private_network, simulated, read_timeout_ms, ttft_timeout_ms, connect_timeout_ms)"
                + " values (?, ?, ?, ?, ?, ?, true, true, ?, ?, 2000)";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, kind);
            ps.setString(3, tier);
            ps.setString(4, baseUrl);
            ps.setString(5, upstreamModel);
            ps.setString(6, apiKeyRef);
            ps.setInt(7, readTimeoutMs);
            ps.setInt(8, readTimeoutMs);
            ps.executeUpdate();
            if (extraSql != null) {
                try (PreparedStatement extra = c.prepareStatement(extraSql)) {
                    extra.setString(1, name);
                    extra.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("insert into backends failed", e);
        }
    }

    public static void execute(String sql, String name) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(sql + " failed", e);
        }
    }

    public static void delete(String name) {
        execute("delete from backends where name = ?", name);
    }

    public static boolean listed(RouterClient client, String model) {
        HttpResponse<String> models = client.get("/v1/models", client.apiKey());
        for (var entry : RouterClient.json(models.body()).get("data")) {
            if (model.equals(entry.get("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Waits, up to the deadline, until /v1/models of that instance lists the model or not. */
    public static void awaitListed(RouterClient client, String model, boolean listed, Duration timeout) {
        await(timeout, c -> listed(c, model) == listed, client, model + (listed ? " listed" : " gone"));
    }

    public static void await(Duration timeout, Predicate<RouterClient> condition, RouterClient client, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(client)) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
