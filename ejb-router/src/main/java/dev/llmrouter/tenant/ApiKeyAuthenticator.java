package dev.llmrouter.tenant;

import dev.llmrouter.persistence.ApiKey;
import dev.llmrouter.persistence.ApiKeys;
import dev.llmrouter.route.AuthenticationFailedException;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a presented key against its stored salted hash. Deliberately uncached: every request reads the
 * key and its tenant from PostgreSQL (one indexed lookup), so a revocation, the end of a rotation's
 * grace period or a suspension holds on every router instance from the next request on.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    /** Hashed when the key id is unknown, so unknown and wrong keys cost the same time. */
    private static final byte[] DUMMY_SALT = SecretHasher.newSalt();
    private static final byte[] DUMMY_HASH = SecretHasher.hash(DUMMY_SALT, "dummy");

    @Inject
    ApiKeys apiKeys;

    public Caller authenticate(String presented) {
        ApiKeyFormat.ParsedKey parsed = ApiKeyFormat.parse(presented).orElseThrow(AuthenticationFailedException::new);
        Optional<ApiKey> stored = apiKeys.findByKeyId(parsed.keyId());
        if (stored.isEmpty()) {
            SecretHasher.matches(DUMMY_SALT, parsed.secret(), DUMMY_HASH);
            throw new AuthenticationFailedException();
        }
        ApiKey key = stored.get();
        if (!SecretHasher.matches(key.getSalt(), parsed.secret(), key.getSecretHash())
                || key.isRevoked() || !key.getTenant().isActive()) {
            throw new AuthenticationFailedException();
        }
        return new Caller(key.getTenant().getId(), key.getTenant().getName(), key.getId());
    }
}
