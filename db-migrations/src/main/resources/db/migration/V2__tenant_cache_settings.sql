-- Per-tenant cache policy: on/off and the highest sampling temperature whose answers are stored.
ALTER TABLE tenants
    ADD COLUMN cache_enabled         boolean NOT NULL DEFAULT true,
    ADD COLUMN cache_max_temperature double precision CHECK (cache_max_temperature BETWEEN 0 AND 2);

-- Lookups name tenant and partition exactly; this index serves them and the expiry filter.
CREATE INDEX cache_entries_partition_idx ON cache_entries (tenant_id, partition_hash, created_at);
