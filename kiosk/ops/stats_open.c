/* stats_open.c: opening (or creating) a statistics database and checking it is ours.
 *
 * See stats.c for why WAL and synchronous=FULL. A file that is not a kiosk statistics file,
 * a newer schema, a missing or read-only folder: each is refused with a plain reason before
 * anything is written. */
#include "core/fileio.h"
#include "core/log.h"
#include "core/util.h"
#include "ops/stats_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The schema of STATS_SCHEMA_VERSION, as documented in stats.h. The CHECKs keep the columns
 * to what the header promises even if someone writes to the file by hand. */
static const char SCHEMA_SQL[] =
    "CREATE TABLE visits ("
    " id INTEGER PRIMARY KEY,"
    " started INTEGER NOT NULL,"
    " ended INTEGER NOT NULL,"
    " bundle TEXT NOT NULL,"
    " version TEXT NOT NULL);"
    "CREATE INDEX visits_started ON visits(started);"
    "CREATE TABLE views ("
    " visit INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
    " started INTEGER NOT NULL,"
    " screen TEXT NOT NULL"
    "  CHECK (screen IN ('home','collection','item','quiz','result','about')),"
    " item TEXT,"
    " lang TEXT NOT NULL,"
    " dwell_ms INTEGER NOT NULL);"
    "CREATE INDEX views_visit ON views(visit);"
    "CREATE TABLE quiz ("
    " visit INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
    " at INTEGER NOT NULL,"
    " rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),"
    " item TEXT NOT NULL,"
    " lang TEXT NOT NULL);"
    "CREATE INDEX quiz_visit ON quiz(visit);";

_Static_assert(STATS_QUIZ_RANKS == 3, "the quiz table's CHECK on rank says 3");

/* ---- opening ------------------------------------------------------------------------------- */

/* SQLite says only "unable to open database file" when the folder is missing or read-only, so
 * look first and say which it is. */
static bool check_folder(const char *path, char *why, size_t size)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(why, size, "it is a folder; give a file name such as %.*s/stats.db", QUOTE_MAX,
                 path);
        return false;
    }
    char kind[REASON_MAX];
    if (!fileio_regular_or_missing(path, kind, sizeof kind)) { /* SQLite would wait on a FIFO */
        snprintf(why, size, "%s", kind);
        return false;
    }
    char dir[FOLDER_MAX];
    path_dir(path, dir, sizeof dir);
    if (stat(dir, &st) != 0) {
        snprintf(why, size, "the folder %.*s %s", QUOTE_MAX, dir,
                 errno == ENOENT ? "does not exist" : strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(why, size, "%.*s is not a folder", QUOTE_MAX, dir);
        return false;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(why, size,
                 "the folder %.*s is not writable (the kiosk creates the file and its -wal and "
                 "-shm companions there)",
                 QUOTE_MAX, dir);
        return false;
    }
    return true;
}

bool stats_exec(sqlite3 *db, const char *sql, char *why, size_t size)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK) return true;
    snprintf(why, size, "%s", sqlite3_errmsg(db));
    return false;
}

/* The first column of the first row of sql, as text, into out ("" when there is no row). */
static bool query_text(sqlite3 *db, const char *sql, char *out, size_t out_size, char *why,
                       size_t size)
{
    sqlite3_stmt *st = NULL;
    bool ok = false;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) goto done;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        snprintf(out, out_size, "%s", t ? (const char *)t : "");
        rc = sqlite3_step(st);
    }
    ok = rc == SQLITE_DONE;
done:
    if (!ok) snprintf(why, size, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return ok;
}

static bool query_int(sqlite3 *db, const char *sql, long *out, char *why, size_t size)
{
    char text[32];
    if (!query_text(db, sql, text, sizeof text, why, size)) return false;
    *out = strtol(text, NULL, 10);
    return true;
}

static bool configure(Stats *s, char *why, size_t size)
{
    sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
    char mode[32];
    if (!query_text(s->db, "PRAGMA journal_mode=WAL", mode, sizeof mode, why, size)) return false;
    if (strcmp(mode, "wal") != 0) {
        /* e.g. a network file system without shared memory. The rollback journal with
         * synchronous=FULL is just as crash-safe; only a reader can now delay a save. */
        log_as("stats", LOG_LEVEL_WARNING, "%s: WAL mode is not available here (journal_mode=%s); still "
                "crash-safe, but an open reader can delay saving",
                s->path, mode);
    }
    if (!stats_exec(s->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", why, size)) return false;
    long fk = 0;
    if (!query_int(s->db, "PRAGMA foreign_keys", &fk, why, size)) return false;
    if (fk != 1) {
        /* Pruning relies on ON DELETE CASCADE to remove a visit's screens with it. */
        snprintf(why, size, "this SQLite was built without foreign keys");
        return false;
    }
    return true;
}

/* Creates the schema in an empty file, or checks the version of an existing one. */
static bool check_schema(Stats *s, char *why, size_t size)
{
    long version = 0, tables = 0;
    if (!query_int(s->db, "PRAGMA user_version", &version, why, size)) return false;
    if (version == 0) {
        /* Immediate, and read again inside: another kiosk process may be creating it now. */
        if (!stats_exec(s->db, "BEGIN IMMEDIATE", why, size)) return false;
        bool ok = query_int(s->db, "PRAGMA user_version", &version, why, size) &&
                  query_int(s->db, "SELECT count(*) FROM sqlite_master", &tables, why, size);
        if (ok && version == 0 && tables > 0) {
            snprintf(why, size, "it is not a kiosk statistics file (it holds other tables)");
            ok = false;
        }
        if (ok && version == 0) {
            char set_version[64];
            snprintf(set_version, sizeof set_version, "PRAGMA user_version=%d",
                     STATS_SCHEMA_VERSION);
            ok = stats_exec(s->db, SCHEMA_SQL, why, size) && stats_exec(s->db, set_version, why, size);
            if (ok) version = STATS_SCHEMA_VERSION;
        }
        ok = ok && stats_exec(s->db, "COMMIT", why, size);
        if (!ok) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return false;
        }
    }
    if (version > STATS_SCHEMA_VERSION) {
        snprintf(why, size,
                 "it was made by a newer kiosk (schema version %ld; this kiosk knows %d)", version,
                 STATS_SCHEMA_VERSION);
        return false;
    }
    if (version != STATS_SCHEMA_VERSION) {
        snprintf(why, size, "unknown schema version %ld", version);
        return false;
    }
    return true;
}

static bool prepare(Stats *s, const char *sql, sqlite3_stmt **st, char *why, size_t size)
{
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) == SQLITE_OK)
        return true;
    snprintf(why, size, "it does not have the kiosk's tables (%s)", sqlite3_errmsg(s->db));
    return false;
}

/* Frees everything; the one cleanup path for both stats_open's failures and stats_close. */
static void destroy(Stats *s)
{
    sqlite3_finalize(s->ins_visit);
    sqlite3_finalize(s->ins_view);
    sqlite3_finalize(s->ins_quiz);
    sqlite3_finalize(s->prune);
    if (s->db && sqlite3_close(s->db) != SQLITE_OK)
        log_as("stats", LOG_LEVEL_ERROR, "%s: closing failed: %s", s->path, sqlite3_errmsg(s->db));
    free(s->views);
    free(s->path);
    free(s);
}

Stats *stats_open(const char *path, char *err, size_t err_size)
{
    char why[REASON_MAX] = "out of memory";
    if (!path || !*path) {
        err_set(err, err_size, "no statistics file given");
        return NULL;
    }
    Stats *s = calloc(1, sizeof *s);
    if (!s) goto fail;
    s->path = strdup(path);
    s->views = calloc(STATS_MAX_VIEWS_PER_VISIT, sizeof *s->views);
    if (!s->path || !s->views) goto fail;
    if (!check_folder(path, why, sizeof why)) goto fail;

    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        snprintf(why, sizeof why, "%s", s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        goto fail;
    }
    /* SQLite silently falls back to read-only for a file it may not write; then every save
     * would fail later. Say it now. */
    if (sqlite3_db_readonly(s->db, "main") == 1) {
        snprintf(why, sizeof why, "the file is read-only");
        goto fail;
    }
    if (!configure(s, why, sizeof why) || !check_schema(s, why, sizeof why)) goto fail;
    if (!prepare(s, "INSERT INTO visits(started, ended, bundle, version) VALUES(?,?,?,?)",
                 &s->ins_visit, why, sizeof why) ||
        !prepare(s,
                 "INSERT INTO views(visit, started, screen, item, lang, dwell_ms) "
                 "VALUES(?,?,?,?,?,?)",
                 &s->ins_view, why, sizeof why) ||
        !prepare(s, "INSERT INTO quiz(visit, at, rank, item, lang) VALUES(?,?,?,?,?)",
                 &s->ins_quiz, why, sizeof why) ||
        !prepare(s, "DELETE FROM visits WHERE started < ?", &s->prune, why, sizeof why))
        goto fail;
    return s;

fail:
    /* "file is not a database" and the like come from SQLite as they are. */
    err_set(err, err_size, "cannot open statistics file %s: %s", path, why);
    if (s) destroy(s);
    return NULL;
}

void stats_close(Stats *s)
{
    if (!s) return;
    if (s->in_visit)
        log_as("stats", LOG_LEVEL_WARNING, "%s: the visit in progress was not ended, so it is not saved",
                s->path);
    destroy(s);
}

