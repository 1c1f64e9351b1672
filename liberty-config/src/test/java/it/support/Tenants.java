package it.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Arranges a tenant and a key directly in the database, stored the way the router stores keys. */
public final class Tenants {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Tenants() {
    }

    /** Creates a tenant and returns a working API key for it. */
    public static String createWithKey(String name) {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 43; i++) {
            secret.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        byte[] salt = salt();
        try (Connection c = DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""))) {
            long tenantId;
            try (PreparedStatement ps = c.prepareStatement("insert into tenants (name) values (?) returning id")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    tenantId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into api_keys (tenant_id, key_id, salt, secret_hash, name) values (?, ?, ?, ?, 'it')")) {
                ps.setLong(1, tenantId);
                ps.setString(2, keyId);
                ps.setBytes(3, salt);
                ps.setBytes(4, hmac(salt, secret.toString()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AssertionError("could not arrange tenant " + name, e);
        }
        return "llmr_" + keyId + "_" + secret;
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] hmac(byte[] salt, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
