package it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Arranges tenants and keys the way an operator does: through the admin API, as the bootstrap admin. */
public final class Tenants {

    /** A tenant as the admin API created it, with the one full key it was issued. */
    public record Created(long id, String name, String keyId, String key) {
    }

    private Tenants() {
    }

    /** Creates a tenant and returns a working API key for it. */
    public static String createWithKey(String name) {
        return create(name).key();
    }

    public static Created create(String name) {
        AdminClient admin = new AdminClient();
        HttpResponse<String> tenant = admin.post("/admin/api/tenants",
                RouterClient.JSON.createObjectNode().put("name", name).toString());
        if (tenant.statusCode() != 201) {
            throw new AssertionError("could not create tenant " + name + ": " + tenant.statusCode() + " " + tenant.body());
        }
        long id = RouterClient.json(tenant.body()).get("id").asLong();
        HttpResponse<String> key = admin.post("/admin/api/tenants/" + id + "/keys", "{\"name\":\"it\"}");
        if (key.statusCode() != 201) {
            throw new AssertionError("could not create a key for " + name + ": " + key.statusCode() + " " + key.body());
        }
        JsonNode issued = RouterClient.json(key.body());
        return new Created(id, name, issued.get("id").asText(), issued.get("key").asText());
    }

    /** Issues another working key to an existing tenant, through the admin API. */
    public static String addKey(String tenant) {
        HttpResponse<String> key = new AdminClient().post("/admin/api/tenants/" + id(tenant) + "/keys",
                "{\"name\":\"it-extra\"}");
        if (key.statusCode() != 201) {
            throw new AssertionError("could not add a key to " + tenant + ": " + key.statusCode() + " " + key.body());
        }
        return RouterClient.json(key.body()).get("key").asText();
    }

    /** The key id inside a key {@code llmr_<key id>_<secret>}. */
    public static String keyId(String apiKey) {
        return apiKey.split("_")[1];
    }

    /** The tenant's policy for cache hits and free models once its money is gone (no admin API field yet). */
    public static void freeTiersWhenExhausted(String tenant, boolean open) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "update tenants set free_tiers_when_exhausted = ? where name = ?")) {
            ps.setBoolean(1, open);
            ps.setString(2, tenant);
            if (ps.executeUpdate() != 1) {
                throw new AssertionError("no tenant " + tenant);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not set the policy of " + tenant, e);
        }
    }

    private static long id(String tenant) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select id from tenants where name = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no tenant " + tenant);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not find tenant " + tenant, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""));
    }
}
