package dev.llmrouter.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        byte[] body = bytes(1024);

        assertArrayEquals(body, RequestBodies.read(new ByteArrayInputStream(body), 1024));
    }

    @Test
    void oneByteOverTheLimitIs413() {
        ApiException e = assertThrows(ApiException.class,
                () -> RequestBodies.read(new ByteArrayInputStream(bytes(1025)), 1024));

        assertEquals(413, e.status());
        assertEquals("request_too_large", e.code());
        assertEquals(ErrorBody.INVALID_REQUEST, e.type());
        assertNull(e.param());
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void aHugeBodyIsNotReadBeyondTheLimitPlusOne() {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes(1_000_000));

        assertThrows(ApiException.class, () -> RequestBodies.read(in, 100));

        assertEquals(1_000_000 - 101, in.available());
    }

    @Test
    void smallerBodiesAndEmptyBodiesAreReturnedAsIs() {
        assertArrayEquals(new byte[] {1, 2, 3}, RequestBodies.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10));
        assertEquals(0, RequestBodies.read(new ByteArrayInputStream(new byte[0]), 10).length);
    }

    @Test
    void noStreamIsAnEmptyBody() {
        assertEquals(0, RequestBodies.read(null, 10).length);
    }

    @Test
    void anUnreadableBodyIs400() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }
        };

        ApiException e = assertThrows(ApiException.class, () -> RequestBodies.read(broken, 10));

        assertEquals(400, e.status());
        assertEquals("unreadable_body", e.code());
    }

    @Test
    void tooLargeNamesTheLimit() {
        ApiException e = RequestBodies.tooLarge(2_097_152);

        assertEquals(413, e.status());
        assertEquals("The request body exceeds the limit of 2097152 bytes.", e.getMessage());
    }
}
