-- Local hours (API v1.1): the part of each local day a person is willing to meet, as
-- minutes since local midnight, start in 0..1439 and end in 1..1440 (1440 is "24:00").
-- Both null: no hours. On a participant, null means the event's hours apply.
ALTER TABLE event ADD COLUMN local_hours_start INT NULL;
ALTER TABLE event ADD COLUMN local_hours_end INT NULL;
ALTER TABLE participant ADD COLUMN local_hours_start INT NULL;
ALTER TABLE participant ADD COLUMN local_hours_end INT NULL;
