-- An idempotent answer belongs to what it created: the event (POST /api/v1/events) or
-- the participant (POST .../participants). Deleting that deletes the stored answer with
-- it (ON DELETE CASCADE), so a replay can never hand out the token of a deleted event or
-- participant; a retry after the delete is then a new request. Rows stored before this
-- migration have no owner and cannot be tied to one: they are dropped (idempotency keys
-- live 24 hours; a retry of a request answered before the upgrade is a new request).
DELETE FROM idempotency_key;
ALTER TABLE idempotency_key ADD COLUMN event_id VARCHAR(32) NULL;
ALTER TABLE idempotency_key ADD COLUMN participant_id VARCHAR(32) NULL;
/* [jooq ignore start] */
ALTER TABLE idempotency_key MODIFY event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL, MODIFY participant_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL;
ALTER TABLE idempotency_key ADD CONSTRAINT fk_idempotency_key_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE;
ALTER TABLE idempotency_key ADD CONSTRAINT fk_idempotency_key_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE;
/* [jooq ignore stop] */
