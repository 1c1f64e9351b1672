package dev.llmrouter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's API key: only its public id and a salted hash of its secret are stored. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    @Column(name = "key_id", nullable = false, unique = true)
    private String keyId;

    @Column(nullable = false)
    private byte[] salt;

    @Column(name = "secret_hash", nullable = false)
    private byte[] secretHash;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(Tenant tenant, String keyId, byte[] salt, byte[] secretHash, String name) {
        this.tenant = tenant;
        this.keyId = keyId;
        this.salt = salt.clone();
        this.secretHash = secretHash.clone();
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public String getKeyId() {
        return keyId;
    }

    public byte[] getSalt() {
        return salt.clone();
    }

    public byte[] getSecretHash() {
        return secretHash.clone();
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    /** Revoked now: a rotated key stays valid until its grace period ends. */
    public boolean isRevoked() {
        return revokedAt != null && !revokedAt.isAfter(Instant.now());
    }

    /** Revokes the key at {@code at}; a revocation already in force is never postponed. */
    public void revokeAt(Instant at) {
        if (revokedAt == null || at.isBefore(revokedAt)) {
            revokedAt = at;
        }
    }
}
