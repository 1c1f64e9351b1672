package dev.llmrouter.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys look like {@code llmr_<16 hex key id>_<43 base62 secret>}: the prefix lets secret scanners
 * find leaked keys, the key id is the lookup index, only the secret's salted hash is stored.
 * Operator-chosen keys of another shape (for automation) get a key id derived from their hash.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "llmr_";
    static final int MIN_CUSTOM_LENGTH = 16;
    static final int MAX_LENGTH = 512;

    private static final Pattern GENERATED = Pattern.compile("llmr_([0-9a-f]{16})_([0-9A-Za-z]{43})");
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A presented key split into its lookup id and its secret. */
    public record ParsedKey(String keyId, String secret) {
        @Override
        public String toString() {
            return "ParsedKey[keyId=" + keyId + "]";
        }
    }

    public static String generate() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        StringBuilder secret = new StringBuilder(43);
        for (int i = 0; i < 43; i++) {
            secret.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return PREFIX + HexFormat.of().formatHex(id) + "_" + secret;
    }

    public static Optional<ParsedKey> parse(String presented) {
        if (presented == null || presented.length() < MIN_CUSTOM_LENGTH || presented.length() > MAX_LENGTH
                || !printableAscii(presented)) {
            return Optional.empty();
        }
        Matcher m = GENERATED.matcher(presented);
        if (m.matches()) {
            return Optional.of(new ParsedKey(m.group(1), m.group(2)));
        }
        return Optional.of(new ParsedKey("c" + sha256Hex(presented).substring(0, 15), presented));
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
