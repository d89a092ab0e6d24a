-- Mail (API v1.2): addresses, the outbox, stopped recipients, link recovery.
-- Addresses are personal data: they live only in event.organizer_email,
-- participant.email and, until a mail is sent and cleaned up, in its outbox
-- row. Deleting an event or a participant removes them (the outbox rows of a
-- deleted event are cancelled and their addresses blanked by the application).

ALTER TABLE event ADD COLUMN organizer_email VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
-- each | digest | off: how the organiser hears of new answers
ALTER TABLE event ADD COLUMN notify VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'digest';
-- when the one "everyone answered" mail was queued (null: not yet)
ALTER TABLE event ADD COLUMN all_answered_at DATETIME NULL;
ALTER TABLE participant ADD COLUMN email VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
CREATE INDEX ix_event_organizer_email ON event (organizer_email);
CREATE INDEX ix_participant_email ON participant (email);

-- One row per mail. A sender claims due queued rows with FOR UPDATE SKIP LOCKED
-- and, in the same short transaction, moves due_at past a lease, so a sender
-- that dies mid-send leaves the row to come due again. event_id has no foreign
-- key: a deleted event's cancellation mails outlive it.
CREATE TABLE mail_outbox (
  id BIGINT NOT NULL AUTO_INCREMENT,
  event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
  kind VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recipient VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  payload MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  message_id VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status VARCHAR(12) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  due_at DATETIME(3) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  last_error VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  created_at DATETIME(3) NOT NULL,
  sent_at DATETIME(3) NULL,
  CONSTRAINT pk_mail_outbox PRIMARY KEY (id)
);
-- the claim: status = 'queued' AND due_at <= now ORDER BY due_at
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, due_at);
-- cancelling an event's mail, finding its queued digest, the per-event cap
CREATE INDEX ix_mail_outbox_event ON mail_outbox (event_id, status, sent_at);
-- the per-address cap
CREATE INDEX ix_mail_outbox_recipient ON mail_outbox (recipient, status, sent_at);

-- Addresses that asked for no more mail from one event, as the keyed hash that
-- their stop link carries (the address itself is not kept here).
CREATE TABLE mail_stop (
  event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  address_mac BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT pk_mail_stop PRIMARY KEY (event_id, address_mac),
  CONSTRAINT fk_mail_stop_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);

-- The fleet's key for stop links, made once by the first instance to start.
CREATE TABLE mail_key (
  id INT NOT NULL,
  secret BINARY(32) NOT NULL,
  CONSTRAINT pk_mail_key PRIMARY KEY (id)
);

-- One-time recovery codes, as SHA-256 hashes; targets is the JSON list of the
-- events and participants the address held when the code was made.
CREATE TABLE recovery_code (
  code_hash BINARY(32) NOT NULL,
  targets MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  CONSTRAINT pk_recovery_code PRIMARY KEY (code_hash)
);
CREATE INDEX ix_recovery_code_expires ON recovery_code (expires_at);

-- Tokens issued by recovery, valid beside the original admin or edit token.
-- participant_seq is null for an admin token.
CREATE TABLE extra_token (
  token_hash BINARY(32) NOT NULL,
  event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  participant_seq BIGINT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT pk_extra_token PRIMARY KEY (token_hash),
  CONSTRAINT fk_extra_token_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
  CONSTRAINT fk_extra_token_participant FOREIGN KEY (participant_seq) REFERENCES participant (seq) ON DELETE CASCADE
);
CREATE INDEX ix_extra_token_event ON extra_token (event_id, participant_seq);

