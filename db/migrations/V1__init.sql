-- slotpoll schema, version 1.
-- Every instant is a DATETIME holding UTC wall time; the application converts
-- Instant <-> LocalDateTime at UTC itself, so neither the JVM's nor the
-- database session's time zone can shift a stored value.
-- Tokens are stored only as SHA-256 hashes.

CREATE TABLE event (
  id VARCHAR(32) NOT NULL,
  title VARCHAR(200) NOT NULL,
  description TEXT NULL,
  duration_minutes INT NOT NULL,
  slot_step_minutes INT NOT NULL,
  timezone VARCHAR(64) NOT NULL,
  deadline DATETIME NULL,
  status VARCHAR(16) NOT NULL,
  version BIGINT NOT NULL,
  admin_token_hash BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  CONSTRAINT pk_event PRIMARY KEY (id)
);

CREATE TABLE proposed_window (
  event_id VARCHAR(32) NOT NULL,
  ordinal INT NOT NULL,
  start_at DATETIME NOT NULL,
  end_at DATETIME NOT NULL,
  CONSTRAINT pk_proposed_window PRIMARY KEY (event_id, ordinal),
  CONSTRAINT fk_proposed_window_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);

-- seq orders participants by creation; id is the public, unguessable identifier.
-- name_key is SHA-256 of the case-folded name, so uniqueness ignores case
-- exactly as Java folds it, whatever the column collation.
CREATE TABLE participant (
  seq BIGINT NOT NULL AUTO_INCREMENT,
  id VARCHAR(32) NOT NULL,
  event_id VARCHAR(32) NOT NULL,
  name VARCHAR(100) NOT NULL,
  name_key BINARY(32) NOT NULL,
  timezone VARCHAR(64) NOT NULL,
  is_required BOOLEAN NOT NULL,
  version BIGINT NOT NULL,
  edit_token_hash BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  CONSTRAINT pk_participant PRIMARY KEY (seq),
  CONSTRAINT fk_participant_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ux_participant_id ON participant (id);

CREATE UNIQUE INDEX ux_participant_event_name ON participant (event_id, name_key);

CREATE INDEX ix_participant_event_seq ON participant (event_id, seq);

CREATE INDEX ix_participant_event_token ON participant (event_id, edit_token_hash);

-- Windows are stored merged per preference, as the API returns them.
-- event_id is repeated here so one range scan loads an event's windows.
CREATE TABLE availability_window (
  participant_seq BIGINT NOT NULL,
  ordinal INT NOT NULL,
  event_id VARCHAR(32) NOT NULL,
  start_at DATETIME NOT NULL,
  end_at DATETIME NOT NULL,
  preference VARCHAR(8) NOT NULL,
  CONSTRAINT pk_availability_window PRIMARY KEY (participant_seq, ordinal),
  CONSTRAINT fk_availability_window_participant FOREIGN KEY (participant_seq) REFERENCES participant (seq) ON DELETE CASCADE,
  CONSTRAINT fk_availability_window_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);

CREATE INDEX ix_availability_window_event ON availability_window (event_id, participant_seq);
