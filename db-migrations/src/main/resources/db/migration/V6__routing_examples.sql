-- Labelled outcomes the quality predictor learns from: how well a backend answered a prompt, kept as the
-- prompt's embedding (never its text) so the nearest labelled prompts can be found for a new one.
-- tenant_id NULL: shared by every tenant (admin imports); otherwise seen only by that tenant.
CREATE TABLE routing_examples (
    id          bigserial PRIMARY KEY,
    tenant_id   bigint           REFERENCES tenants (id) ON DELETE CASCADE,
    backend     text             NOT NULL,
    tier        text             NOT NULL CHECK (tier IN ('LOCAL', 'CLOUD')),
    category    text             NOT NULL,
    score       double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    embedding   vector(384)      NOT NULL,
    source      text             NOT NULL CHECK (source IN ('FEEDBACK', 'IMPORT')),
    request_id  text,
    created_at  timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX routing_examples_embedding_idx ON routing_examples USING hnsw (embedding vector_cosine_ops);
CREATE INDEX routing_examples_tenant_idx ON routing_examples (tenant_id, backend);
-- One feedback per request and backend: a repeated POST replaces the score instead of counting twice.
CREATE UNIQUE INDEX routing_examples_request_idx ON routing_examples (request_id, backend) WHERE request_id IS NOT NULL;
