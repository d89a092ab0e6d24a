-- The calendar subscription (API v1.2, GET /api/v1/events/{id}/feed.ics): after a picked
-- time is un-picked (DELETE .../final), the feed keeps that meeting as STATUS:CANCELLED so
-- that subscribed calendars remove it. cancelled_start/cancelled_end hold the un-picked
-- time until a time is picked again. Events un-picked before this migration have none.
ALTER TABLE event ADD COLUMN cancelled_start DATETIME NULL;
ALTER TABLE event ADD COLUMN cancelled_end DATETIME NULL;
