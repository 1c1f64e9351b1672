package dev.llmrouter.tenant;

import dev.llmrouter.persistence.ApiKey;

/** A key just created: the only moment its full text exists outside the client. */
public record IssuedKey(ApiKey key, String secretKey) {

    @Override
    public String toString() {
        return "IssuedKey[keyId=" + key.getKeyId() + "]";
    }
}
