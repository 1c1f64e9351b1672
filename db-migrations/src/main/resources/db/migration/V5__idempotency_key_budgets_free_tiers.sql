-- Money, part two: per-key budgets held by the same reservation as the tenant's, the tenant's policy for
-- free tiers once its money is gone, charges of dead instances visible in the ledger, Idempotency-Key.

-- When the tenant's money budget (or its key's) cannot pay for a request any more, cache hits and
-- zero-priced models keep answering only if this is true.
ALTER TABLE tenants ADD COLUMN free_tiers_when_exhausted boolean NOT NULL DEFAULT true;

-- One call may hold money on two budgets at once: budget_id is the tenant-wide budget (or the key's,
-- when only the key has one), key_budget_id the key's own budget when both exist. Both are settled or
-- expired together. The call's identity lets the sweeper book a call whose router instance died.
ALTER TABLE reservations
    ADD COLUMN key_budget_id   bigint REFERENCES budgets (id) ON DELETE CASCADE,
    ADD COLUMN call_request_id text,
    ADD COLUMN api_key_id      bigint,
    ADD COLUMN backend         text,
    ADD COLUMN tier            text;

-- A reservation the sweeper charged at its estimate leaves a ledger row of its own, so that the
-- ledger's costs always add up to what budgets spent.
ALTER TABLE usage_ledger DROP CONSTRAINT usage_ledger_outcome_check;
ALTER TABLE usage_ledger ADD CONSTRAINT usage_ledger_outcome_check
    CHECK (outcome IN ('OK', 'UPSTREAM_ERROR', 'CLIENT_ABORT', 'REJECTED', 'EXPIRED'));

-- The first answer to a request sent with an Idempotency-Key, per tenant, replayed to retries.
-- IN_PROGRESS rows are leased (locked_until) to the instance handling the first request.
CREATE TABLE idempotency_keys (
    tenant_id         bigint      NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    idempotency_key   text        NOT NULL,
    request_hash      text        NOT NULL,
    request_id        text        NOT NULL,
    status            text        NOT NULL DEFAULT 'IN_PROGRESS' CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    response_status   integer,
    response_type     text,
    response_headers  jsonb,
    response_body     text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    locked_until      timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
