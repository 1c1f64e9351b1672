-- The routing engine: SLA policies for keys as well as tenants, a quality/cost trade-off per policy,
-- rule descriptions, and one decision row per routed request (the ranking it used, what answered,
-- and the client's judgement of the answer, if it gives one).

-- Quality points one USD of predicted cost is worth; NULL takes the router's default.
ALTER TABLE sla_policies
    ADD COLUMN cost_weight double precision CHECK (cost_weight >= 0),
    ADD COLUMN description text;

-- A key's own policy wins over its tenant's.
ALTER TABLE api_keys ADD COLUMN sla_policy_id bigint REFERENCES sla_policies (id);

ALTER TABLE routing_rules
    ADD COLUMN description text,
    ADD CONSTRAINT routing_rules_name_uq UNIQUE (name);

CREATE TABLE routing_decisions (
    id                bigserial PRIMARY KEY,
    request_id        text             NOT NULL,
    tenant_id         bigint           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    api_key_id        bigint,
    model_alias       text             NOT NULL,
    category          text,
    difficulty        double precision,
    prompt_tokens     integer,
    -- The last user turn's embedding (never its text): feedback turns it into a labelled outcome.
    embedding         vector(384),
    tier              text             NOT NULL CHECK (tier IN ('CACHE', 'LOCAL', 'CLOUD', 'NONE')),
    backend           text,
    cache_status      text,
    cache_entry_id    bigint,
    outcome           text             NOT NULL CHECK (outcome IN ('OK', 'FAILED', 'REJECTED')),
    reason            text             NOT NULL,
    ranking           jsonb            NOT NULL,
    feedback_score    double precision CHECK (feedback_score BETWEEN 0 AND 1),
    feedback_comment  text,
    feedback_at       timestamptz,
    created_at        timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX routing_decisions_request_idx ON routing_decisions (tenant_id, request_id);
CREATE INDEX routing_decisions_tenant_idx ON routing_decisions (tenant_id, id);
CREATE INDEX routing_decisions_time_idx ON routing_decisions (created_at);
