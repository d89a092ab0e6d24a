-- Ids are opaque keys and compare byte for byte: "AbC" is not "abc", and "abc " is not
-- "abc". The default collations (MariaDB's utf8mb4_unicode_ci, MySQL 8's
-- utf8mb4_0900_ai_ci) ignore case and accents, so every id column becomes ascii_bin (ids
-- are base64url). The API also refuses a path id that is not id-shaped before it queries,
-- which covers trailing spaces (ascii_bin, like every MySQL PAD SPACE collation, would
-- ignore them). The foreign keys over these columns are dropped while they change, since
-- both ends of a foreign key must share a collation. jOOQ's code generation skips this
-- file: it changes no Java type.
/* [jooq ignore start] */
ALTER TABLE proposed_window DROP FOREIGN KEY fk_proposed_window_event;
ALTER TABLE participant DROP FOREIGN KEY fk_participant_event;
ALTER TABLE availability_window DROP FOREIGN KEY fk_availability_window_event;
ALTER TABLE event MODIFY id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE proposed_window MODIFY event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE participant MODIFY id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE availability_window MODIFY event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE proposed_window ADD CONSTRAINT fk_proposed_window_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE;
ALTER TABLE participant ADD CONSTRAINT fk_participant_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE;
ALTER TABLE availability_window ADD CONSTRAINT fk_availability_window_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE;
/* [jooq ignore stop] */
