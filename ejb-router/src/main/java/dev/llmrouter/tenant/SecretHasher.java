package dev.llmrouter.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of a key secret under a per-key random salt. Generated secrets carry 256 bits of
 * entropy, so a slow password hash would only add latency to every request; the salt still makes
 * every stored hash unique. Comparison is constant-time.
 */
public final class SecretHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALGORITHM = "HmacSHA256";

    private SecretHasher() {
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    public static byte[] hash(byte[] salt, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(salt, ALGORITHM));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    public static boolean matches(byte[] salt, String secret, byte[] expectedHash) {
        return MessageDigest.isEqual(hash(salt, secret), expectedHash);
    }
}
