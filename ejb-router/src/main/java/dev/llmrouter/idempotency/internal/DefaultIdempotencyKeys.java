package dev.llmrouter.idempotency.internal;

import dev.llmrouter.idempotency.Claim;
import dev.llmrouter.idempotency.IdempotencyKeys;
import dev.llmrouter.idempotency.IdempotencyUnavailableException;
import dev.llmrouter.idempotency.StoredResponse;
import dev.llmrouter.persistence.IdempotencyRecord;
import dev.llmrouter.persistence.IdempotencyRecords;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claim, then read: the claim statement alone decides who runs a request, so two instances receiving the
 * same key at once never both call a model. The body is compared by its SHA-256, byte for byte.
 */
@ApplicationScoped
public class DefaultIdempotencyKeys implements IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(DefaultIdempotencyKeys.class.getName());
    /** A key can vanish between a failed claim and the read (expired and swept): try again, a few times. */
    private static final int ATTEMPTS = 3;

    @Inject
    IdempotencyRecords records;

    @Inject
    @ConfigProperty(name = "router.idempotency.ttl-seconds", defaultValue = "86400")
    long ttlSeconds;

    /** Longer than any request can take; after it a retry may take over the key of a dead instance. */
    @Inject
    @ConfigProperty(name = "router.idempotency.lease-seconds", defaultValue = "900")
    long leaseSeconds;

    @Override
    public Claim claim(Caller caller, String key, byte[] body, String requestId) {
        String hash = sha256(body);
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                if (records.claim(caller.tenantId(), key, hash, requestId, Duration.ofSeconds(leaseSeconds),
                        Duration.ofSeconds(ttlSeconds))) {
                    return Claim.of(Claim.Kind.FIRST);
                }
                Optional<IdempotencyRecord> held = records.find(caller.tenantId(), key);
                if (held.isPresent()) {
                    return judge(held.get(), hash);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Idempotency key of tenant " + caller.tenantId() + " could not be checked", e);
            throw new IdempotencyUnavailableException("The Idempotency-Key could not be checked; nothing was called.", e);
        }
        throw new IdempotencyUnavailableException("The Idempotency-Key kept changing hands; nothing was called.", null);
    }

    static Claim judge(IdempotencyRecord held, String hash) {
        if (!held.requestHash().equals(hash)) {
            return Claim.of(Claim.Kind.MISMATCH);
        }
        if (!held.completed()) {
            return Claim.of(Claim.Kind.IN_PROGRESS);
        }
        return new Claim(Claim.Kind.REPLAY, new StoredResponse(held.responseStatus(), held.responseType(),
                ResponseHeaders.fromJson(held.responseHeaders()), held.responseBody()));
    }

    @Override
    public void complete(Caller caller, String key, String requestId, StoredResponse response) {
        try {
            if (!records.complete(caller.tenantId(), key, requestId, response.status(), response.contentType(),
                    ResponseHeaders.toJson(response.headers()), response.body())) {
                LOG.warning(() -> "Request " + requestId + " no longer held its idempotency key; its answer is not stored");
            }
        } catch (RuntimeException e) {
            // The answer was paid for and goes out; a retry after the lease runs out would call again.
            LOG.log(Level.WARNING, "Storing the answer of request " + requestId + " under its idempotency key failed", e);
        }
    }

    @Override
    public void release(Caller caller, String key, String requestId) {
        try {
            records.release(caller.tenantId(), key, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Releasing the idempotency key of request " + requestId
                    + " failed; retries get 409 until its lease runs out", e);
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
