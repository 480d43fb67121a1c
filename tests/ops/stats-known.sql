-- stats-known.sql: the statistics file of a second kiosk, written by hand, for test_stats.
--
-- It pins the file format of schema version 1: the test builds this file with the sqlite3
-- library alone (not through stats.c), checks that its columns are the ones stats.c creates, and
-- reports on it together with a file that stats.c wrote. If the schema changes without a new
-- user_version, files copied from kiosks in the field would no longer read, and this breaks.
--
-- Two visits on Tuesday 2024-03-05 (UTC; the test runs with TZ=UTC):
--   1: 10:00:00, 300 s: home, goal-7 (100 s), elektromonteur (50 s), goal-7 again (30 s);
--      quiz: lasser best, elektromonteur second
--   2: 10:30:00, 40 s: home, lasser (20 s)

PRAGMA user_version = 1;

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  started INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  bundle TEXT NOT NULL,
  version TEXT NOT NULL);
CREATE INDEX visits_started ON visits(started);
CREATE TABLE views (
  visit INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  started INTEGER NOT NULL,
  screen TEXT NOT NULL
    CHECK (screen IN ('home','collection','item','quiz','result','about')),
  item TEXT,
  lang TEXT NOT NULL,
  dwell_ms INTEGER NOT NULL);
CREATE INDEX views_visit ON views(visit);
CREATE TABLE quiz (
  visit INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),
  item TEXT NOT NULL,
  lang TEXT NOT NULL);
CREATE INDEX quiz_visit ON quiz(visit);

INSERT INTO visits VALUES (1, 1709632800, 1709633100, 'techniekpact', '2026.10');
INSERT INTO views VALUES (1, 1709632800, 'home', NULL, 'nl', 8000);
INSERT INTO views VALUES (1, 1709632808, 'item', 'goal-7', 'nl', 100000);
INSERT INTO views VALUES (1, 1709632908, 'item', 'elektromonteur', 'nl', 50000);
INSERT INTO views VALUES (1, 1709632958, 'item', 'goal-7', 'nl', 30000);
INSERT INTO quiz VALUES (1, 1709633000, 1, 'lasser', 'nl');
INSERT INTO quiz VALUES (1, 1709633000, 2, 'elektromonteur', 'nl');

INSERT INTO visits VALUES (2, 1709634600, 1709634640, 'techniekpact', '2026.10');
INSERT INTO views VALUES (2, 1709634600, 'home', NULL, 'nl', 10000);
INSERT INTO views VALUES (2, 1709634610, 'item', 'lasser', 'nl', 20000);
