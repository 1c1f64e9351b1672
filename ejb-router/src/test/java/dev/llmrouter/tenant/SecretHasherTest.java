package dev.llmrouter.tenant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    private static final String SECRET = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg";

    @Test
    void sameSaltAndSecretGiveTheSameHash() {
        byte[] salt = SecretHasher.newSalt();

        assertArrayEquals(SecretHasher.hash(salt, SECRET), SecretHasher.hash(salt.clone(), SECRET));
    }

    @Test
    void theHashIsA32ByteHmacSha256() throws Exception {
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));

        byte[] hash = SecretHasher.hash(salt, SECRET);

        assertEquals(32, hash.length);
        assertArrayEquals(mac.doFinal(SECRET.getBytes(StandardCharsets.UTF_8)), hash);
    }

    @Test
    void differentSaltsGiveDifferentHashes() {
        byte[] a = SecretHasher.newSalt();
        byte[] b = a.clone();
        b[0] ^= 1;

        assertFalse(Arrays.equals(SecretHasher.hash(a, SECRET), SecretHasher.hash(b, SECRET)));
    }

    @Test
    void differentSecretsGiveDifferentHashes() {
        byte[] salt = SecretHasher.newSalt();

        assertFalse(Arrays.equals(SecretHasher.hash(salt, SECRET), SecretHasher.hash(salt, SECRET + "x")));
    }

    @Test
    void matchesTheRightSecretOnly() {
        byte[] salt = SecretHasher.newSalt();
        byte[] stored = SecretHasher.hash(salt, SECRET);

        assertTrue(SecretHasher.matches(salt, SECRET, stored));
        assertFalse(SecretHasher.matches(salt, SECRET.substring(1), stored));
        assertFalse(SecretHasher.matches(salt, SECRET.toLowerCase(), stored));
        assertFalse(SecretHasher.matches(SecretHasher.newSalt(), SECRET, stored));
        assertFalse(SecretHasher.matches(salt, SECRET, Arrays.copyOf(stored, 31)));
        assertFalse(SecretHasher.matches(salt, SECRET, new byte[0]));
    }

    @Test
    void saltsAreSixteenRandomBytesAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] salt = SecretHasher.newSalt();
            assertEquals(16, salt.length);
            seen.add(HexFormat.of().formatHex(salt));
        }
        assertEquals(200, seen.size());
        assertFalse(seen.contains("00000000000000000000000000000000"));
    }
}
