/* stats.c: recording visits into SQLite, one transaction per visit.
 *
 * Crash safety comes from the shape of the writes, not from care at every call: while a visit
 * is in progress its screens and quiz results live only in this struct (fixed-capacity buffers
 * allocated once at open, so recording never allocates). stats_visit_end writes the visit row,
 * its screens and its quiz rows in a single BEGIN IMMEDIATE ... COMMIT. SQLite's journal makes
 * that all-or-nothing, so a kill or power cut at any moment leaves either the whole visit or
 * none of it, and the visits committed before are untouched.
 *
 * Journal: WAL, so an organiser reading the file in an sqlite3 shell never blocks the kiosk
 * (readers and the writer work side by side), with synchronous=FULL. In WAL mode NORMAL is also
 * safe from corruption, but it skips the fsync at each commit: a power cut can roll back every
 * visit committed since the last checkpoint, i.e. visits that had already ended. The requirement
 * is "lose at most the visit in progress", so each commit must reach the disk: FULL. Its cost is
 * one fsync per visit, at a moment when nobody is using the kiosk (it has just gone idle).
 *
 * Errors: stats_open reports why it failed in plain words and returns NULL; every call accepts
 * NULL, so a kiosk without statistics runs on. Later SQLite errors are printed once with the
 * path and sqlite3_errmsg, then kept quiet until a write works again (a full disk would
 * otherwise print a line per visit); that recovery is announced with the number of visits lost.
 * Caller mistakes (a view outside a visit, an id with spaces) are noted once per kind. */
#include "ops/stats.h"
#include "core/fileio.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

enum {
    /* How long a save waits for someone else's write lock (an organiser deleting rows in an
     * sqlite3 shell). Readers never need it in WAL mode. The kiosk is idle while it waits. */
    BUSY_TIMEOUT_MS = 1000,
    SECONDS_PER_DAY = 86400,
    /* Room for a plain-language reason in stats_open, before the path is added. */
    REASON_MAX = 512,
    /* Longest folder name checked, and how much of one a message quotes. */
    FOLDER_MAX = 4096,
    QUOTE_MAX = 300,
};

typedef enum {
    KIND_HOME,
    KIND_COLLECTION,
    KIND_ITEM,
    KIND_QUIZ,
    KIND_RESULT,
    KIND_ABOUT,
    KIND_COUNT
} ScreenKind;

/* The only values the screen column can take (the schema's CHECK repeats this list). */
static const char *const KIND_NAMES[KIND_COUNT] = {
    [KIND_HOME] = "home",   [KIND_COLLECTION] = "collection", [KIND_ITEM] = "item",
    [KIND_QUIZ] = "quiz",   [KIND_RESULT] = "result",         [KIND_ABOUT] = "about",
};

/* Mistakes by the caller, each noted once per open database so a bug cannot flood the log. */
typedef enum {
    NOTE_VIEW_OUTSIDE_VISIT = 1u << 0,
    NOTE_QUIZ_OUTSIDE_VISIT = 1u << 1,
    NOTE_BAD_SCREEN = 1u << 2,
    NOTE_BAD_ITEM = 1u << 3,
    NOTE_BAD_LANG = 1u << 4,
    NOTE_BAD_BUNDLE = 1u << 5,
    NOTE_EMPTY_QUIZ = 1u << 6,
    NOTE_EXTRA_RANKS = 1u << 7,
    NOTE_TIME_BACKWARDS = 1u << 8,
} Note;

typedef struct {
    int64_t started, dwell_ms;
    ScreenKind screen;
    bool has_item;
    char item[STATS_ID_MAX + 1];
    char lang[STATS_LANG_MAX + 1];
} BufferedView;

typedef struct {
    int64_t at;
    size_t n; /* ranks given, 1..STATS_QUIZ_RANKS */
    char items[STATS_QUIZ_RANKS][STATS_ID_MAX + 1];
    char lang[STATS_LANG_MAX + 1];
} BufferedQuiz;

struct Stats {
    sqlite3 *db;
    char *path; /* owned copy, for messages */
    sqlite3_stmt *ins_visit, *ins_view, *ins_quiz, *prune;
    bool failing;      /* a write failed and was reported: quiet until one works again */
    long lost_visits;  /* visits not saved since `failing` was set */
    unsigned noted;    /* Note bits already printed */

    /* The visit in progress; nothing of it is in the database until stats_visit_end. */
    bool in_visit;
    int64_t started;
    char bundle[STATS_ID_MAX + 1], version[STATS_ID_MAX + 1];
    BufferedView *views; /* owned, STATS_MAX_VIEWS_PER_VISIT entries */
    size_t n_views;
    long dropped_views;  /* beyond the capacity, this visit */
    BufferedQuiz quizzes[STATS_MAX_QUIZZES_PER_VISIT];
    size_t n_quizzes;
    long dropped_quizzes;
};

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

/* ---- messages ------------------------------------------------------------------------------ */

static void note_once(Stats *s, Note n, const char *fmt, ...)
{
    if (s->noted & n) return;
    s->noted |= n;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "stats: %s: ", s->path);
    vfprintf(stderr, fmt, ap);
    fputs(" (noted once)\n", stderr);
    va_end(ap);
}

/* A write failed: say so the first time, with SQLite's reason. */
static void write_failed(Stats *s, const char *what, const char *reason)
{
    if (!s->failing)
        fprintf(stderr,
                "stats: %s: %s failed: %s (further errors are not shown until saving works "
                "again)\n",
                s->path, what, reason);
    s->failing = true;
}

static void write_worked(Stats *s)
{
    if (s->failing)
        fprintf(stderr, "stats: %s: saving works again; %ld visit%s lost meanwhile\n", s->path,
                s->lost_visits, s->lost_visits == 1 ? " was" : "s were");
    s->failing = false;
    s->lost_visits = 0;
}

/* ---- validation: what keeps free text out of the file -------------------------------------- */

/* The bundle loader's rule for ids: lowercase letters, digits and '-', starting with a letter.
 * A name ("Anna de Vries") or a sentence cannot pass it. */
static bool valid_id(const char *s)
{
    if (!s || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (n >= STATS_ID_MAX || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

/* The bundle loader's rule for languages: "nl", "en", "pap", "pt-BR". */
static bool valid_lang(const char *s)
{
    if (!s) return false;
    size_t n = strlen(s), i = 0;
    if (n > STATS_LANG_MAX) return false;
    while (i < n && s[i] >= 'a' && s[i] <= 'z') i++;
    if (i < 2 || i > 3) return false;
    if (i == n) return true;
    if (s[i] != '-' || n - i - 1 < 2 || n - i - 1 > 4) return false;
    for (i++; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) return false;
    return true;
}

/* A bundle version is the organiser's text ("2026.11"): printable ASCII, one short line. */
static bool valid_version(const char *s)
{
    if (!s || !*s) return false;
    size_t n = 0;
    for (; s[n]; n++)
        if (n >= STATS_ID_MAX || s[n] < 0x20 || s[n] > 0x7e) return false;
    return true;
}

static bool screen_kind(const char *name, ScreenKind *out)
{
    for (int k = 0; name && k < KIND_COUNT; k++) {
        if (strcmp(name, KIND_NAMES[k]) == 0) {
            *out = (ScreenKind)k;
            return true;
        }
    }
    return false;
}

/* ---- opening ------------------------------------------------------------------------------- */

static void set_err(char *err, size_t size, const char *fmt, ...)
{
    if (!err || size == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

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
    const char *slash = strrchr(path, '/');
    char dir[FOLDER_MAX];
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
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

static bool exec(sqlite3 *db, const char *sql, char *why, size_t size)
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
        fprintf(stderr,
                "stats: %s: WAL mode is not available here (journal_mode=%s); still "
                "crash-safe, but an open reader can delay saving\n",
                s->path, mode);
    }
    if (!exec(s->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", why, size)) return false;
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
        if (!exec(s->db, "BEGIN IMMEDIATE", why, size)) return false;
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
            ok = exec(s->db, SCHEMA_SQL, why, size) && exec(s->db, set_version, why, size);
            if (ok) version = STATS_SCHEMA_VERSION;
        }
        ok = ok && exec(s->db, "COMMIT", why, size);
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
        fprintf(stderr, "stats: %s: closing failed: %s\n", s->path, sqlite3_errmsg(s->db));
    free(s->views);
    free(s->path);
    free(s);
}

Stats *stats_open(const char *path, char *err, size_t err_size)
{
    char why[REASON_MAX] = "out of memory";
    if (!path || !*path) {
        set_err(err, err_size, "no statistics file given");
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
    set_err(err, err_size, "cannot open statistics file %s: %s", path, why);
    if (s) destroy(s);
    return NULL;
}

void stats_close(Stats *s)
{
    if (!s) return;
    if (s->in_visit)
        fprintf(stderr, "stats: %s: the visit in progress was not ended, so it is not saved\n",
                s->path);
    destroy(s);
}

/* ---- recording ----------------------------------------------------------------------------- */

static void clear_visit(Stats *s)
{
    s->in_visit = false;
    s->n_views = 0;
    s->n_quizzes = 0;
    s->dropped_views = 0;
    s->dropped_quizzes = 0;
}

void stats_visit_begin(Stats *s, int64_t now_s, const char *bundle_id, const char *bundle_version)
{
    if (!s) return;
    if (s->in_visit) stats_visit_end(s, now_s);
    clear_visit(s);
    s->in_visit = true;
    s->started = now_s;
    /* A bad bundle id or version is a caller bug; the visit still counts, without them. */
    if (!valid_id(bundle_id) || !valid_version(bundle_version))
        note_once(s, NOTE_BAD_BUNDLE,
                  "bundle id '%.80s' or version '%.80s' is not valid; visits are stored without",
                  bundle_id ? bundle_id : "(null)", bundle_version ? bundle_version : "(null)");
    snprintf(s->bundle, sizeof s->bundle, "%s", valid_id(bundle_id) ? bundle_id : "");
    snprintf(s->version, sizeof s->version, "%s",
             valid_version(bundle_version) ? bundle_version : "");
}

void stats_view(Stats *s, int64_t start_s, const char *screen, const char *item_id,
                const char *lang, int64_t dwell_ms)
{
    if (!s) return;
    ScreenKind kind;
    if (!s->in_visit) {
        note_once(s, NOTE_VIEW_OUTSIDE_VISIT, "a screen was recorded outside a visit; dropped");
        return;
    }
    if (!screen_kind(screen, &kind)) {
        note_once(s, NOTE_BAD_SCREEN,
                  "unknown screen kind '%.40s' (home, collection, item, quiz, result or about); "
                  "dropped",
                  screen ? screen : "(null)");
        return;
    }
    bool needs_item = kind == KIND_COLLECTION || kind == KIND_ITEM;
    if ((item_id || needs_item) && !valid_id(item_id)) {
        note_once(s, NOTE_BAD_ITEM,
                  "'%.40s' is not an item or collection id (a %s screen needs one); dropped",
                  item_id ? item_id : "(null)", KIND_NAMES[kind]);
        return;
    }
    if (!valid_lang(lang)) {
        note_once(s, NOTE_BAD_LANG, "'%.40s' is not a language code; dropped",
                  lang ? lang : "(null)");
        return;
    }
    if (s->n_views == STATS_MAX_VIEWS_PER_VISIT) {
        s->dropped_views++;
        return; /* told at stats_visit_end, with the count */
    }
    if (dwell_ms < 0) {
        note_once(s, NOTE_TIME_BACKWARDS, "a negative duration was stored as 0 (clock set back?)");
        dwell_ms = 0;
    }
    BufferedView *v = &s->views[s->n_views++];
    v->started = start_s;
    v->dwell_ms = dwell_ms;
    v->screen = kind;
    v->has_item = item_id != NULL;
    snprintf(v->item, sizeof v->item, "%s", item_id ? item_id : "");
    snprintf(v->lang, sizeof v->lang, "%s", lang);
}

void stats_quiz(Stats *s, int64_t now_s, const char *const *result_ids, size_t n,
                const char *lang)
{
    if (!s) return;
    if (!s->in_visit) {
        note_once(s, NOTE_QUIZ_OUTSIDE_VISIT,
                  "a quiz result was recorded outside a visit; dropped");
        return;
    }
    if (n == 0 || !result_ids) {
        note_once(s, NOTE_EMPTY_QUIZ, "a quiz result without any item; dropped");
        return;
    }
    if (n > STATS_QUIZ_RANKS) {
        note_once(s, NOTE_EXTRA_RANKS, "a quiz result with %zu items; the first %d are kept", n,
                  STATS_QUIZ_RANKS);
        n = STATS_QUIZ_RANKS;
    }
    for (size_t i = 0; i < n; i++) {
        if (!valid_id(result_ids[i])) {
            note_once(s, NOTE_BAD_ITEM, "'%.40s' is not an item id (quiz result); dropped",
                      result_ids[i] ? result_ids[i] : "(null)");
            return;
        }
    }
    if (!valid_lang(lang)) {
        note_once(s, NOTE_BAD_LANG, "'%.40s' is not a language code; dropped",
                  lang ? lang : "(null)");
        return;
    }
    if (s->n_quizzes == STATS_MAX_QUIZZES_PER_VISIT) {
        s->dropped_quizzes++;
        return;
    }
    BufferedQuiz *q = &s->quizzes[s->n_quizzes++];
    q->at = now_s;
    q->n = n;
    for (size_t i = 0; i < n; i++) snprintf(q->items[i], sizeof q->items[i], "%s", result_ids[i]);
    snprintf(q->lang, sizeof q->lang, "%s", lang);
}

/* Runs a prepared statement once and makes it ready for the next; on failure, SQLite's reason
 * goes into why (taken before the reset, which may replace it). */
static bool step_once(Stats *s, sqlite3_stmt *st, char *why, size_t size)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) snprintf(why, size, "%s", sqlite3_errmsg(s->db));
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE;
}

static bool insert_visit_rows(Stats *s, int64_t ended, char *why, size_t size)
{
    sqlite3_stmt *st = s->ins_visit;
    sqlite3_bind_int64(st, 1, s->started);
    sqlite3_bind_int64(st, 2, ended);
    sqlite3_bind_text(st, 3, s->bundle, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, s->version, -1, SQLITE_STATIC);
    if (!step_once(s, st, why, size)) return false;
    sqlite3_int64 visit = sqlite3_last_insert_rowid(s->db);

    st = s->ins_view;
    for (size_t i = 0; i < s->n_views; i++) {
        const BufferedView *v = &s->views[i];
        sqlite3_bind_int64(st, 1, visit);
        sqlite3_bind_int64(st, 2, v->started);
        sqlite3_bind_text(st, 3, KIND_NAMES[v->screen], -1, SQLITE_STATIC);
        if (v->has_item) sqlite3_bind_text(st, 4, v->item, -1, SQLITE_STATIC);
        else sqlite3_bind_null(st, 4);
        sqlite3_bind_text(st, 5, v->lang, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, v->dwell_ms);
        if (!step_once(s, st, why, size)) return false;
    }

    st = s->ins_quiz;
    for (size_t i = 0; i < s->n_quizzes; i++) {
        const BufferedQuiz *q = &s->quizzes[i];
        for (size_t r = 0; r < q->n; r++) {
            sqlite3_bind_int64(st, 1, visit);
            sqlite3_bind_int64(st, 2, q->at);
            sqlite3_bind_int64(st, 3, (sqlite3_int64)r + 1);
            sqlite3_bind_text(st, 4, q->items[r], -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, q->lang, -1, SQLITE_STATIC);
            if (!step_once(s, st, why, size)) return false;
        }
    }
    return true;
}

void stats_visit_end(Stats *s, int64_t now_s)
{
    if (!s || !s->in_visit) return; /* idle without a visit: nothing to save */
    if (now_s < s->started) {
        note_once(s, NOTE_TIME_BACKWARDS, "a visit ended before it began; stored as 0 s long "
                                          "(clock set back?)");
        now_s = s->started;
    }
    if (s->dropped_views || s->dropped_quizzes)
        fprintf(stderr,
                "stats: %s: a visit had more than %d screens or %d quiz results; %ld screens "
                "and %ld quiz results of it were not recorded\n",
                s->path, STATS_MAX_VIEWS_PER_VISIT, STATS_MAX_QUIZZES_PER_VISIT,
                s->dropped_views, s->dropped_quizzes);

    char reason[REASON_MAX];
    bool ok = exec(s->db, "BEGIN IMMEDIATE", reason, sizeof reason);
    ok = ok && insert_visit_rows(s, now_s, reason, sizeof reason);
    ok = ok && exec(s->db, "COMMIT", reason, sizeof reason);
    if (!ok && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (ok) {
        write_worked(s);
    } else {
        s->lost_visits++;
        write_failed(s, "saving a visit", reason);
    }
    clear_visit(s);
}

long stats_prune(Stats *s, int keep_days, int64_t now_s)
{
    if (!s) return -1;
    if (keep_days < 0) {
        fprintf(stderr, "stats: %s: cannot keep %d days of statistics; give 0 or more\n", s->path,
                keep_days);
        return -1;
    }
    /* One statement is one transaction: the visits and (by the cascade) their rows go together. */
    sqlite3_bind_int64(s->prune, 1, now_s - (int64_t)keep_days * SECONDS_PER_DAY);
    char reason[REASON_MAX];
    if (!step_once(s, s->prune, reason, sizeof reason)) {
        write_failed(s, "removing old visits", reason);
        return -1;
    }
    write_worked(s);
    return (long)sqlite3_changes(s->db);
}
