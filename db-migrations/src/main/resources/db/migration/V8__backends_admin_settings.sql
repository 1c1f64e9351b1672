-- Backends defined through the admin API. An empty setting means "the MicroProfile Config default"
-- (prices of the backend's kind, router.backend.* timeouts and guards), so it is NULL, not a copy.
ALTER TABLE backends
    ALTER COLUMN input_micros_per_mtok  DROP NOT NULL,
    ALTER COLUMN input_micros_per_mtok  DROP DEFAULT,
    ALTER COLUMN output_micros_per_mtok DROP NOT NULL,
    ALTER COLUMN output_micros_per_mtok DROP DEFAULT,
    ALTER COLUMN max_concurrency        DROP NOT NULL,
    ALTER COLUMN max_concurrency        DROP DEFAULT,
    ADD COLUMN max_wait_queue        integer CHECK (max_wait_queue >= 0),
    ADD COLUMN connect_timeout_ms    integer CHECK (connect_timeout_ms > 0),
    ADD COLUMN read_timeout_ms       integer CHECK (read_timeout_ms > 0),
    ADD COLUMN ttft_timeout_ms       integer CHECK (ttft_timeout_ms > 0),
    -- The NAME of a MicroProfile Config property holding the key (e.g. OPENROUTER_API_KEY), never the key.
    ADD COLUMN api_key_ref           text,
    -- Loopback and private addresses (a local Ollama host) only when an administrator said so.
    ADD COLUMN allow_private_network boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT backends_name_format CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$');
