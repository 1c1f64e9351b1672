package dev.llmrouter.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.idempotency.Claim;
import dev.llmrouter.idempotency.IdempotencyKeys;
import dev.llmrouter.persistence.IdempotencyRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultIdempotencyKeysTest {

    private static final String HASH = DefaultIdempotencyKeys.sha256("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCompletedKeyWithTheSameBodyReplaysItsAnswer() {
        // Headers round-trip through JSON-P, which only the server provides; the IT covers them.
        IdempotencyRecord done = new IdempotencyRecord(HASH, "req-1", true, 200, "application/json", null,
                "{\"id\":\"chatcmpl-req-1\"}");

        Claim claim = DefaultIdempotencyKeys.judge(done, HASH);

        assertEquals(Claim.Kind.REPLAY, claim.kind());
        assertEquals("{\"id\":\"chatcmpl-req-1\"}", claim.response().body());
        assertEquals(200, claim.response().status());
        assertEquals(Map.of(), claim.response().headers());
    }

    @Test
    void aRunningKeyIsInUseAndAnotherBodyIsAMismatch() {
        IdempotencyRecord running = new IdempotencyRecord(HASH, "req-1", false, 0, null, null, null);

        assertEquals(Claim.Kind.IN_PROGRESS, DefaultIdempotencyKeys.judge(running, HASH).kind());
        assertEquals(Claim.Kind.MISMATCH, DefaultIdempotencyKeys.judge(running,
                DefaultIdempotencyKeys.sha256("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).kind());
    }

    @Test
    void theBodyIsComparedByteForByte() {
        assertNotEquals(HASH, DefaultIdempotencyKeys.sha256("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(64, HASH.length());
    }

    @Test
    void keysArePrintableAsciiWithoutSpacesUpTo255() {
        assertTrue(IdempotencyKeys.wellFormed("order-4711"));
        assertTrue(IdempotencyKeys.wellFormed("k".repeat(255)));
        assertFalse(IdempotencyKeys.wellFormed("k".repeat(256)));
        assertFalse(IdempotencyKeys.wellFormed(""));
        assertFalse(IdempotencyKeys.wellFormed("two words"));
        assertFalse(IdempotencyKeys.wellFormed("caf\u00e9"));
        assertFalse(IdempotencyKeys.wellFormed("nul\u0000"));
    }
}
