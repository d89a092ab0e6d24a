-- Idempotency keys for POST /api/v1/events and POST .../participants, kept 24 hours.
-- key_hash is SHA-256 of the scope (method and path) and the client's key, so keys of
-- different endpoints or events never collide. request_hash is SHA-256 of the body.
-- headers holds the answer's Location and ETag lines. The answer body (which carries
-- a token) is stored AES-GCM encrypted under a key derived from the client's key, which
-- the database never sees: a copy of this table reveals no token. The row is written in the same transaction as the write it answers.
CREATE TABLE idempotency_key (
  key_hash BINARY(32) NOT NULL,
  request_hash BINARY(32) NOT NULL,
  status INT NOT NULL,
  headers VARCHAR(1000) NOT NULL,
  answer MEDIUMBLOB NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT pk_idempotency_key PRIMARY KEY (key_hash)
);

CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);
