/* stats.h: anonymous usage statistics in a SQLite file, and the organisers' report.
 *
 * The kiosk records what was looked at, never who looked: item ids, screen kinds, languages,
 * times and durations. A visit is one person's use, from the first touch after the kiosk was
 * idle until it goes idle again. Its screens and quiz results are kept in memory and written
 * in one transaction when the visit ends, so a power cut or a crash loses at most the visit in
 * progress, never an earlier one, and never leaves a half-written visit.
 *
 * Time is always a parameter (Unix seconds of the wall clock, dwell in milliseconds): the
 * module never reads a clock, so tests choose every time.
 *
 * A NULL Stats* is valid everywhere and makes each call a no-op, so the kiosk runs on without
 * statistics when the database cannot be opened (read-only disk, missing folder). SQLite errors
 * while running are printed once to stderr ("stats: PATH: ...") and never stop the kiosk.
 *
 * Strings passed in are borrowed for the duration of the call only (they are copied).
 *
 * The schema (PRAGMA user_version = STATS_SCHEMA_VERSION), small enough to query by hand in an
 * sqlite3 shell. Times are Unix seconds (UTC); the report turns them into local days and hours
 * with SQLite's 'localtime' modifier. These are all the columns there are; none can hold a name,
 * free text or a device id (tests/ops/test_stats.c checks that the file has exactly these).
 *
 *   visits  one row per visit
 *     id       INTEGER PRIMARY KEY
 *     started  INTEGER  first touch
 *     ended    INTEGER  the kiosk went idle (>= started)
 *     bundle   TEXT     the bundle's id, e.g. "techniekpact"
 *     version  TEXT     the bundle's version, e.g. "2026.11"
 *   views   one row per screen shown
 *     visit    INTEGER  REFERENCES visits(id) ON DELETE CASCADE
 *     started  INTEGER
 *     screen   TEXT     home | collection | item | quiz | result | about
 *     item     TEXT     the collection or item id shown (always set for collection and item
 *                       screens), or NULL
 *     lang     TEXT     the language shown, e.g. "nl"
 *     dwell_ms INTEGER  how long the screen stayed up
 *   quiz    the best matches of a finished quiz, one row per rank
 *     visit    INTEGER  REFERENCES visits(id) ON DELETE CASCADE
 *     at       INTEGER  when the result was shown
 *     rank     INTEGER  1 (best) to STATS_QUIZ_RANKS
 *     item     TEXT     the matching item id
 *     lang     TEXT
 *   indexes: visits(started) for pruning and per-day queries; views(visit) and quiz(visit) so
 *   that deleting a visit (the cascade) does not scan the whole table. CHECK constraints hold
 *   views.screen to the six kinds and quiz.rank to 1..3, even for rows written by hand.
 *
 * Example, screens per language for March 2026:
 *   SELECT lang, count(*) FROM views WHERE started >= strftime('%s','2026-03-01') GROUP BY lang;
 */
#ifndef KIOSK_STATS_H
#define KIOSK_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum {
    STATS_SCHEMA_VERSION = 1,
    /* Screens buffered for one visit; more are counted, dropped and noted on stderr (a visitor
     * would need a screen every second for over an hour to reach it). */
    STATS_MAX_VIEWS_PER_VISIT = 4096,
    /* Finished quizzes buffered for one visit; more are counted and dropped likewise. */
    STATS_MAX_QUIZZES_PER_VISIT = 64,
    /* Results kept per finished quiz: the best match and the runners-up. */
    STATS_QUIZ_RANKS = 3,
    /* Longest item, collection or bundle id (the bundle loader's limit) and bundle version. */
    STATS_ID_MAX = 64,
    /* Longest language tag ("nl", "en", "pt-BR"). */
    STATS_LANG_MAX = 15,
    /* Statistics files one report reads at a time; more are refused with a message. */
    STATS_MAX_FILES = 256,
    /* Longest a screen or a visit counts for in the report (a day): a hand-edited or damaged
     * row cannot overflow a sum or print a negative time. */
    STATS_MAX_DWELL_MS = 24 * 3600 * 1000,
    STATS_MAX_VISIT_S = 24 * 3600,
    /* Items listed in the report's top list. */
    STATS_TOP_ITEMS = 10,
};

typedef struct Stats Stats;

/* Opens (creating if needed) the database at path: WAL mode, synchronous=FULL, schema created or
 * checked through PRAGMA user_version. On failure returns NULL and writes a plain-language
 * reason into err (e.g. "cannot open statistics file /media/usb/stats.db: the folder
 * /media/usb does not exist"); err may be NULL when err_size is 0. */
Stats *stats_open(const char *path, char *err, size_t err_size);
/* Closes the database. A visit still in progress is not saved (call stats_visit_end first to
 * keep it); this is the same outcome as a power cut, and it is noted on stderr. */
void stats_close(Stats *s);

/* A visit begins at the first touch after the kiosk was idle; the caller decides. If a visit is
 * still open, it is ended (and saved) at now_s first. bundle_id must be an id (lowercase letters,
 * digits and '-'); bundle_version any printable text up to STATS_ID_MAX bytes. */
void stats_visit_begin(Stats *s, int64_t now_s, const char *bundle_id, const char *bundle_version);
/* A screen was shown from start_s for dwell_ms. screen is "home", "collection", "item", "quiz",
 * "result" or "about"; item_id is the collection or item id, or NULL; lang like "nl".
 * Anything else (an unknown screen, an id with spaces or capitals, a view outside a visit) is
 * dropped and noted once on stderr: this is the guard that keeps free text out of the file. */
void stats_view(Stats *s, int64_t start_s, const char *screen, const char *item_id,
                const char *lang, int64_t dwell_ms);
/* The quiz was finished: result_ids[0] is the best-matching item id, then up to
 * STATS_QUIZ_RANKS - 1 runners-up (more are ignored). */
void stats_quiz(Stats *s, int64_t now_s, const char *const *result_ids, size_t n,
                const char *lang);
/* The kiosk went idle: writes the visit and all its screens and quiz results in one
 * transaction. A no-op when no visit is open (so the caller may call it on every idle reset).
 * now_s is when the visit ended: give the time of the last touch rather than the moment the
 * idle timeout fired, or every visit looks longer by the timeout.
 * If the write fails (disk full, database locked by someone else for over a second), the visit
 * is lost and reported; later visits are tried again as usual. */
void stats_visit_end(Stats *s, int64_t now_s);

/* Deletes the visits that started more than keep_days days before now_s, with their screens
 * and quiz results. Returns the number of visits removed, or -1 (reported on stderr) on error,
 * for keep_days < 0, or for a NULL Stats. */
long stats_prune(Stats *s, int keep_days, int64_t now_s);

/* kiosk --stats DB... : prints a report to out combining the databases of several kiosks:
 * visits per day and per hour of day (local time), median visit length over all visits, the
 * top STATS_TOP_ITEMS items, languages and quiz outcomes. The files are opened read-only (a
 * kiosk may be writing to one meanwhile). Every file is read before anything is printed: if one
 * is missing, not a statistics database, or given twice, nothing is printed, a message naming
 * it goes to err and 1 is returned; otherwise 0. At most STATS_MAX_FILES files. Stored
 * values are clamped (STATS_MAX_DWELL_MS, STATS_MAX_VISIT_S, never negative) and control
 * characters in stored text are shown as '?', so a damaged file cannot drive the terminal. */
int stats_report(const char *const *paths, size_t n, FILE *out, FILE *err);
/* kiosk --stats-export FILE DB : a consistent copy of the statistics file DB in FILE, taken
 * with SQLite's online backup API while a kiosk may be writing to DB (the visits still in its
 * -wal file included), opened read-only as the report does. The copy is a plain single file
 * (no -wal needed) written beside FILE under a hidden temporary name, checked, synced and
 * renamed over FILE: FILE is never half a copy. FILE may not be DB itself, a folder, a link or
 * a device. Returns 0 with one line on out ("stats: copied DB to FILE (N visits, FIRST to
 * LAST)"), or 1 with the reason on err and nothing written. */
int stats_export(const char *db, const char *file, FILE *out, FILE *err);
/* kiosk --stats --csv DIR DB... : the same figures as CSV files in DIR (created if missing):
 * summary.csv, visits_per_day.csv, visits_per_hour.csv (all 24 hours), top_items.csv,
 * languages.csv, quiz.csv. Returns 0, or 1 with a message on err. A text cell starting with
 * '=', '+', '-', '@', a tab or a carriage return is written as '\'' followed by the text, in
 * quotes, so a spreadsheet never runs it as a formula (OWASP's advice on CSV injection). */
int stats_export_csv(const char *const *paths, size_t n, const char *dir, FILE *err);

#endif
