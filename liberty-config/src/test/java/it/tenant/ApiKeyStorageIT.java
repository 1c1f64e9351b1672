package it.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.RouterClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The first tenant's key exists after start-up, and the database holds only its id and a salted hash. */
class ApiKeyStorageIT {

    @Test
    void theBootstrapKeyIsStoredOnlyAsASaltedHash() throws Exception {
        String key = new RouterClient().apiKey();
        String[] parts = key.split("_");
        String keyId = parts[1];
        String secret = parts[2];
        try (Connection c = DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""));
             PreparedStatement ps = c.prepareStatement("select k.salt, k.secret_hash, t.name, k.revoked_at,"
                     + " (select string_agg(x::text, ' ') from api_keys x) from api_keys k join tenants t"
                     + " on t.id = k.tenant_id where k.key_id = ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the bootstrap key exists");
                byte[] salt = rs.getBytes(1);
                byte[] hash = rs.getBytes(2);
                assertEquals("default", rs.getString(3));
                assertEquals(null, rs.getTimestamp(4));
                assertEquals(16, salt.length);
                assertEquals(32, hash.length);
                assertFalse(new String(hash, StandardCharsets.ISO_8859_1).contains(secret));
                assertFalse(rs.getString(5).contains(secret), "no column of any key row holds the secret");
            }
        }
    }
}
