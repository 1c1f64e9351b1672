package dev.llmrouter.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {

    private static final Pattern SHAPE = Pattern.compile("llmr_[0-9a-f]{16}_[0-9A-Za-z]{43}");
    private static final String CUSTOM = "my-automation-key-0001";

    @Test
    void generatedKeysHaveThePrefixHexIdAndBase62Secret() {
        String key = ApiKeyFormat.generate();

        assertTrue(key.startsWith(ApiKeyFormat.PREFIX), key);
        assertTrue(SHAPE.matcher(key).matches(), key);
        assertEquals(5 + 16 + 1 + 43, key.length());
    }

    @Test
    void generatedKeysIdsAndSecretsAreUniqueOverAThousandKeys() {
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeyFormat.generate();
            assertTrue(SHAPE.matcher(key).matches(), key);
            ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse(key).orElseThrow();
            keys.add(key);
            ids.add(parsed.keyId());
            secrets.add(parsed.secret());
        }
        assertEquals(1000, keys.size());
        assertEquals(1000, ids.size());
        assertEquals(1000, secrets.size());
    }

    @Test
    void parsingAGeneratedKeyYieldsItsIdAndSecret() {
        String key = ApiKeyFormat.generate();

        ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse(key).orElseThrow();

        assertEquals(key.substring(5, 21), parsed.keyId());
        assertEquals(key.substring(22), parsed.secret());
        assertEquals(ApiKeyFormat.PREFIX + parsed.keyId() + "_" + parsed.secret(), key);
    }

    @Test
    void parsingAFixedGeneratedShapeSplitsExactly() {
        String secret = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg";
        assertEquals(43, secret.length());

        ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse("llmr_00112233aabbccdd_" + secret).orElseThrow();

        assertEquals("00112233aabbccdd", parsed.keyId());
        assertEquals(secret, parsed.secret());
    }

    @Test
    void customKeysGetAStableDerivedIdStartingWithC() {
        ApiKeyFormat.ParsedKey first = ApiKeyFormat.parse(CUSTOM).orElseThrow();
        ApiKeyFormat.ParsedKey again = ApiKeyFormat.parse(CUSTOM).orElseThrow();
        ApiKeyFormat.ParsedKey other = ApiKeyFormat.parse(CUSTOM + "x").orElseThrow();

        assertTrue(first.keyId().matches("c[0-9a-f]{15}"), first.keyId());
        assertEquals(first.keyId(), again.keyId());
        assertEquals(CUSTOM, first.secret());
        assertFalse(first.keyId().equals(other.keyId()));
    }

    @Test
    void customKeyIdIsTheSha256PrefixOfTheWholeKey() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(CUSTOM.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String hex = java.util.HexFormat.of().formatHex(digest);

        assertEquals("c" + hex.substring(0, 15), ApiKeyFormat.parse(CUSTOM).orElseThrow().keyId());
    }

    @Test
    void aKeyWithThePrefixButTheWrongShapeIsTreatedAsCustom() {
        String almost = "llmr_00112233aabbccdd_tooShortSecret";

        ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse(almost).orElseThrow();

        assertTrue(parsed.keyId().startsWith("c"));
        assertEquals(almost, parsed.secret());
    }

    @Test
    void exactlySixteenPrintableCharactersIsTheShortestCustomKey() {
        assertTrue(ApiKeyFormat.parse("a".repeat(16)).isPresent());
        assertTrue(ApiKeyFormat.parse("!~" + "x".repeat(14)).isPresent());
    }

    @Test
    void rejectsNull() {
        assertEquals(Optional.empty(), ApiKeyFormat.parse(null));
    }

    @Test
    void rejectsTooShortAndEmpty() {
        assertEquals(Optional.empty(), ApiKeyFormat.parse(""));
        assertEquals(Optional.empty(), ApiKeyFormat.parse("a".repeat(15)));
    }

    @Test
    void acceptsExactly512ButNotMore() {
        assertTrue(ApiKeyFormat.parse("k".repeat(512)).isPresent());
        assertEquals(Optional.empty(), ApiKeyFormat.parse("k".repeat(513)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "contains a space in it",
        "tab\tseparated-key-0001",
        "nul\u0000byte-in-the-key-x",
        "newline\nin-the-key-0001",
        "del\u007fcharacter-in-key",
        "non-ascii-\u00e9-key-00001",
        "emoji-\uD83D\uDE00-in-the-key-x"
    })
    void rejectsNonPrintableOrNonAsciiCharacters(String key) {
        assertTrue(key.length() >= 16, "precondition: long enough");
        assertEquals(Optional.empty(), ApiKeyFormat.parse(key));
    }

    @Test
    void aGeneratedKeyWithATrailingSpaceIsRejected() {
        assertEquals(Optional.empty(), ApiKeyFormat.parse(ApiKeyFormat.generate() + " "));
    }

    @Test
    void parsedKeyToStringNeverContainsTheSecret() {
        String key = ApiKeyFormat.generate();
        ApiKeyFormat.ParsedKey generated = ApiKeyFormat.parse(key).orElseThrow();
        ApiKeyFormat.ParsedKey custom = ApiKeyFormat.parse(CUSTOM).orElseThrow();

        assertFalse(generated.toString().contains(generated.secret()), generated.toString());
        assertTrue(generated.toString().contains(generated.keyId()));
        assertFalse(custom.toString().contains(CUSTOM), custom.toString());
        assertTrue(custom.toString().contains(custom.keyId()));
    }
}
