-- The meeting time an organiser picked (API v1.1, PUT /api/v1/events/{id}/final): set
-- while status is 'final'. final_sequence is the iCalendar SEQUENCE of the event's .ics:
-- 0 at the first finalization and one more at every later one; it survives an undo
-- (DELETE .../final), so calendars that imported an earlier time see every move as newer.
ALTER TABLE event ADD COLUMN final_start DATETIME NULL;
ALTER TABLE event ADD COLUMN final_end DATETIME NULL;
ALTER TABLE event ADD COLUMN final_sequence INT NULL;
