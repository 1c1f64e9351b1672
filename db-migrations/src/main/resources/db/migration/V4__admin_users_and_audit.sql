-- Operators of the admin API and console. Passwords are PBKDF2 hashes in the format of Jakarta
-- Security's Pbkdf2PasswordHash; the roles become the caller's groups (DatabaseIdentityStore).
CREATE TABLE admin_users (
    username       text        PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    password_hash  text        NOT NULL,
    disabled       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admin_user_roles (
    username  text NOT NULL REFERENCES admin_users (username) ON DELETE CASCADE,
    role      text NOT NULL CHECK (role IN ('router-admin', 'router-viewer')),
    PRIMARY KEY (username, role)
);

-- Append-only: one row per admin write (who, what, on which object, with which settings).
CREATE TABLE audit_log (
    id      bigserial   PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   text        NOT NULL,
    action  text        NOT NULL,
    target  text,
    detail  jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
