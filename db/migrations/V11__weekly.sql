-- Weekly polls (API v1.2): kind 'weekly' events hold weekly windows (a weekday and a time
-- range in the event's zone) and a first week; their proposed_window rows are those
-- windows as UTC instants of the first week, which is what the matcher ranks. A weekly
-- poll's participants keep what they sent (weekly_availability, in their own zone) beside
-- the UTC instants of the first week (availability_window).
ALTER TABLE event ADD COLUMN kind VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'dates';
ALTER TABLE event ADD COLUMN first_week DATE NULL;

-- day: 1 (MON) .. 7 (SUN); minutes after local midnight, end_minute up to 1440 (24:00)
CREATE TABLE weekly_window (
  event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  ordinal INT NOT NULL,
  day_of_week INT NOT NULL,
  start_minute INT NOT NULL,
  end_minute INT NOT NULL,
  CONSTRAINT pk_weekly_window PRIMARY KEY (event_id, ordinal),
  CONSTRAINT fk_weekly_window_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);

CREATE TABLE weekly_availability (
  participant_seq BIGINT NOT NULL,
  ordinal INT NOT NULL,
  event_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  day_of_week INT NOT NULL,
  start_minute INT NOT NULL,
  end_minute INT NOT NULL,
  preference VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  CONSTRAINT pk_weekly_availability PRIMARY KEY (participant_seq, ordinal),
  CONSTRAINT fk_weekly_availability_participant FOREIGN KEY (participant_seq) REFERENCES participant (seq) ON DELETE CASCADE
);
CREATE INDEX ix_weekly_availability_event ON weekly_availability (event_id, participant_seq);
