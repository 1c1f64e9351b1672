-- Initial schema of the router. Money is integer micro-USD everywhere.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE sla_policies (
    id                 bigserial PRIMARY KEY,
    name               text        NOT NULL UNIQUE,
    latency_target_ms  integer     NOT NULL CHECK (latency_target_ms > 0),
    max_cost_micros    bigint      CHECK (max_cost_micros >= 0),
    min_quality        double precision CHECK (min_quality BETWEEN 0 AND 1),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenants (
    id                 bigserial PRIMARY KEY,
    name               text        NOT NULL UNIQUE,
    status             text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    sla_policy_id      bigint      REFERENCES sla_policies (id),
    cache_threshold    double precision CHECK (cache_threshold BETWEEN 0 AND 1),
    cache_ttl_seconds  integer     CHECK (cache_ttl_seconds > 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- A key is "<prefix>_<key_id>_<secret>"; only key_id and a salted hash of the secret are stored.
CREATE TABLE api_keys (
    id                 bigserial PRIMARY KEY,
    tenant_id          bigint      NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key_id             text        NOT NULL UNIQUE,
    salt               bytea       NOT NULL,
    secret_hash        bytea       NOT NULL,
    name               text        NOT NULL DEFAULT 'default',
    created_at         timestamptz NOT NULL DEFAULT now(),
    revoked_at         timestamptz,
    last_used_at       timestamptz
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);

CREATE TABLE backends (
    id                          bigserial PRIMARY KEY,
    name                        text        NOT NULL UNIQUE,
    kind                        text        NOT NULL,
    tier                        text        NOT NULL CHECK (tier IN ('LOCAL', 'CLOUD')),
    base_url                    text        NOT NULL,
    upstream_model              text        NOT NULL,
    input_micros_per_mtok       bigint      NOT NULL DEFAULT 0 CHECK (input_micros_per_mtok >= 0),
    output_micros_per_mtok      bigint      NOT NULL DEFAULT 0 CHECK (output_micros_per_mtok >= 0),
    max_concurrency             integer     NOT NULL DEFAULT 4 CHECK (max_concurrency > 0),
    enabled                     boolean     NOT NULL DEFAULT true,
    simulated                   boolean     NOT NULL DEFAULT false,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE budgets (
    id                 bigserial PRIMARY KEY,
    tenant_id          bigint      NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    api_key_id         bigint      REFERENCES api_keys (id) ON DELETE CASCADE,
    limit_micros       bigint      NOT NULL CHECK (limit_micros >= 0),
    soft_limit_micros  bigint      CHECK (soft_limit_micros >= 0),
    spent_micros       bigint      NOT NULL DEFAULT 0 CHECK (spent_micros >= 0),
    reserved_micros    bigint      NOT NULL DEFAULT 0 CHECK (reserved_micros >= 0),
    period             text        NOT NULL DEFAULT 'MONTHLY' CHECK (period IN ('NONE', 'DAILY', 'WEEKLY', 'MONTHLY')),
    period_start       timestamptz NOT NULL DEFAULT now(),
    resets_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
-- One tenant-wide budget (no key) and at most one per key.
CREATE UNIQUE INDEX budgets_tenant_key_uq ON budgets (tenant_id, COALESCE(api_key_id, 0));

CREATE TABLE reservations (
    id                 bigserial PRIMARY KEY,
    budget_id          bigint      NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    request_id         text        NOT NULL,
    amount_micros      bigint      NOT NULL CHECK (amount_micros >= 0),
    status             text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SETTLED', 'RELEASED', 'EXPIRED')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz NOT NULL,
    settled_at         timestamptz,
    UNIQUE (budget_id, request_id)
);
CREATE INDEX reservations_open_idx ON reservations (expires_at) WHERE status = 'OPEN';

-- Append-only: one row per request that reached routing, successful or not.
CREATE TABLE usage_ledger (
    id                  bigserial PRIMARY KEY,
    request_id          text        NOT NULL,
    tenant_id           bigint      NOT NULL REFERENCES tenants (id),
    api_key_id          bigint      REFERENCES api_keys (id),
    backend             text,
    model               text,
    tier                text        NOT NULL CHECK (tier IN ('CACHE', 'LOCAL', 'CLOUD', 'NONE')),
    prompt_tokens       integer     NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
    completion_tokens   integer     NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
    cost_micros         bigint      NOT NULL DEFAULT 0 CHECK (cost_micros >= 0),
    shadow_cost_micros  bigint      NOT NULL DEFAULT 0 CHECK (shadow_cost_micros >= 0),
    latency_ms          integer     NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
    ttft_ms             integer     CHECK (ttft_ms >= 0),
    cache_status        text        NOT NULL DEFAULT 'BYPASS',
    streamed            boolean     NOT NULL DEFAULT false,
    outcome             text        NOT NULL CHECK (outcome IN ('OK', 'UPSTREAM_ERROR', 'CLIENT_ABORT', 'REJECTED')),
    error_code          text,
    reason              text,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_ledger_tenant_time_idx ON usage_ledger (tenant_id, created_at);
CREATE INDEX usage_ledger_request_idx ON usage_ledger (request_id);

CREATE TABLE cache_entries (
    id                 bigserial PRIMARY KEY,
    tenant_id          bigint      NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    partition_hash     text        NOT NULL,
    prompt_hash        text        NOT NULL,
    prompt_text        text        NOT NULL,
    embedding          vector(384) NOT NULL,
    response           text        NOT NULL,
    model              text        NOT NULL,
    prompt_tokens      integer     NOT NULL DEFAULT 0,
    completion_tokens  integer     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz NOT NULL,
    hit_count          bigint      NOT NULL DEFAULT 0,
    last_hit_at        timestamptz
);
CREATE INDEX cache_entries_exact_idx ON cache_entries (tenant_id, partition_hash, prompt_hash);
CREATE INDEX cache_entries_expiry_idx ON cache_entries (expires_at);
CREATE INDEX cache_entries_embedding_idx ON cache_entries USING hnsw (embedding vector_cosine_ops);

CREATE TABLE routing_rules (
    id                 bigserial PRIMARY KEY,
    tenant_id          bigint      REFERENCES tenants (id) ON DELETE CASCADE,
    name               text        NOT NULL,
    priority           integer     NOT NULL DEFAULT 100,
    condition          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    action             jsonb       NOT NULL,
    enabled            boolean     NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX routing_rules_tenant_priority_idx ON routing_rules (tenant_id, priority);
