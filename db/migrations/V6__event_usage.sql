-- What an event's participants hold, kept on the event row so the limits on windows and
-- name bytes per event are checked in constant time under the event's lock (counting
-- them on every write grew with the event). Every participant write updates both in the
-- transaction that bumps the event's version.
ALTER TABLE event ADD COLUMN window_count INT NOT NULL DEFAULT 0;
ALTER TABLE event ADD COLUMN name_bytes BIGINT NOT NULL DEFAULT 0;
/* [jooq ignore start] */
UPDATE event e SET
  window_count = (SELECT COUNT(*) FROM availability_window w WHERE w.event_id = e.id),
  name_bytes = (SELECT COALESCE(SUM(OCTET_LENGTH(p.name)), 0) FROM participant p WHERE p.event_id = e.id);
/* [jooq ignore stop] */
