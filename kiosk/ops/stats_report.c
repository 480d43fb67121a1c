/* stats_report.c: the organisers' report over the statistics files of several kiosks.
 *
 * Every file is ATTACHed read-only (stats_read.c: how, with WAL and a folder the reader may not
 * write) in turn and its rows are copied, tagged with the file's
 * number, into one temporary database; then it is DETACHed. So any number of kiosks works
 * (SQLite attaches at most ten files at a time) and each figure is a single SQL query over all
 * of them. Gathering the rows matters for the median: the median visit of all kiosks is not a
 * combination of each kiosk's median, it needs every visit length in one place. Visit ids repeat
 * between kiosks, so "visits that opened an item" counts distinct (file, visit) pairs.
 *
 * The figures are computed once into a Figures struct, and both the text report and the CSV
 * files print that struct, so the two cannot disagree. Days and hours are local time (SQLite's
 * 'localtime' modifier, which follows TZ), because organisers think in school days and hours.
 * Every file is read before anything is printed: a report silently missing one kiosk would
 * look complete. */
#include "ops/stats_figures.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

/* ---- gathering the files ------------------------------------------------------------------- */

static const char GATHER_SQL[] =
    "CREATE TABLE visits (file INTEGER, id INTEGER, started INTEGER, ended INTEGER,"
    " bundle TEXT, version TEXT, len INTEGER);"
    "CREATE TABLE views (file INTEGER, visit INTEGER, started INTEGER, screen TEXT, item TEXT,"
    " lang TEXT, dwell_ms INTEGER);"
    "CREATE TABLE quiz (file INTEGER, visit INTEGER, at INTEGER, rank INTEGER, item TEXT,"
    " lang TEXT);";

/* The copy runs in one transaction, so the three tables are read from one snapshot even while
 * a kiosk is writing to the file. Lengths are clamped on the way in (ended - started may even
 * overflow into a REAL; min() and max() bring that back too), so every sum stays far from
 * INT64_MAX: a dwell_ms of INT64_MAX used to overflow in the report. */
#define CLAMP_SQL(x, hi) "max(0, min(coalesce(" x ", 0), " #hi "))"
static const char *const COPY_SQL[] = {
    "INSERT INTO visits SELECT ?1, id, started, ended, bundle, version,"
    " CAST(" CLAMP_SQL("ended - started", 86400) " AS INTEGER) FROM src.visits",
    "INSERT INTO views SELECT ?1, visit, started, screen, item, lang,"
    " CAST(" CLAMP_SQL("dwell_ms", 86400000) " AS INTEGER) FROM src.views",
    "INSERT INTO quiz SELECT ?1, visit, at, rank, item, lang FROM src.quiz",
};

static bool run(sqlite3 *db, const char *sql, long long bind1, char *why, size_t size)
{
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
    if (ok && sqlite3_bind_parameter_count(st) > 0) sqlite3_bind_int64(st, 1, bind1);
    ok = ok && sqlite3_step(st) == SQLITE_DONE;
    if (!ok) snprintf(why, size, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return ok;
}

/* The schema version of the attached file; false with the reason. */
static bool src_version(sqlite3 *db, long long *v, char *why, size_t size)
{
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, "PRAGMA src.user_version", -1, &st, NULL) == SQLITE_OK &&
              sqlite3_step(st) == SQLITE_ROW;
    if (ok) *v = sqlite3_column_int64(st, 0);
    else snprintf(why, size, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return ok;
}

static bool attach_src(sqlite3 *db, const char *uri, char *why, size_t size)
{
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, "ATTACH ?1 AS src", -1, &st, NULL) == SQLITE_OK &&
              sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_step(st) == SQLITE_DONE;
    if (!ok) snprintf(why, size, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return ok;
}

/* Copies the rows of file number `index` into the gathering database. */
static bool copy_file(sqlite3 *db, size_t index, const char *path, char *why, size_t size)
{
    char uri[URI_MAX];
    if (!stats_read_uri(path, uri, sizeof uri)) {
        snprintf(why, size, "the path is too long");
        return false;
    }
    if (!attach_src(db, uri, why, size)) return false;
    bool ok = false;
    long long version = 0;
    if (!src_version(db, &version, why, size)) {
        /* why is set */
    } else if (version == 0) {
        snprintf(why, size, "not a kiosk statistics file (no schema version)");
    } else if (version < 0) {
        snprintf(why, size, "not a kiosk statistics file (schema version %lld)", version);
    } else if (version != STATS_SCHEMA_VERSION) {
        snprintf(why, size, "schema version %lld; this kiosk reads version %d%s", version,
                 STATS_SCHEMA_VERSION, version > STATS_SCHEMA_VERSION ? " (update the kiosk)" : "");
    } else if (run(db, "BEGIN", 0, why, size)) {
        ok = true;
        for (size_t i = 0; ok && i < sizeof COPY_SQL / sizeof *COPY_SQL; i++)
            ok = run(db, COPY_SQL[i], (long long)index, why, size);
        ok = ok && run(db, "COMMIT", 0, why, size);
        if (!ok && !sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_exec(db, "DETACH src", NULL, NULL, NULL);
    return ok;
}

/* The file exists, is a regular file and was not given before (it would count twice). */
static bool check_path(const char *const *paths, size_t i, char *why, size_t size)
{
    struct stat st, earlier;
    if (stat(paths[i], &st) != 0) {
        snprintf(why, size, "%s", strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, size, "not a file");
        return false;
    }
    for (size_t j = 0; j < i; j++) {
        if (stat(paths[j], &earlier) == 0 && earlier.st_dev == st.st_dev &&
            earlier.st_ino == st.st_ino) {
            snprintf(why, size, "it is given twice (its visits would count double)");
            return false;
        }
    }
    return true;
}

/* A temporary database holding the rows of every file, or NULL (reported on err). */
static sqlite3 *gather(const char *const *paths, size_t n, FILE *err)
{
    sqlite3 *db = NULL;
    if (n == 0) {
        fprintf(err, "stats: give one or more statistics files (kiosk --stats FILE...)\n");
        return NULL;
    }
    if (n > STATS_MAX_FILES) {
        fprintf(err, "stats: %zu statistics files given; at most %d at a time (report on them "
                "in groups)\n", n, STATS_MAX_FILES);
        return NULL;
    }
    /* "" is a private temporary database on disk, so many kiosks' rows need not fit in RAM;
     * URI on, for ATTACH's mode=ro and immutable. */
    if (sqlite3_open_v2("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                        NULL) != SQLITE_OK ||
        sqlite3_exec(db, GATHER_SQL, NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(err, "stats: cannot make a temporary database: %s\n",
                db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        char why[512] = "";
        if (!check_path(paths, i, why, sizeof why) ||
            !copy_file(db, i, paths[i], why, sizeof why)) {
            fprintf(err, "stats: cannot read %s: %s (leave it out to report on the others)\n",
                    paths[i], why);
            sqlite3_close(db);
            return NULL;
        }
    }
    return db;
}

/* ---- figures ------------------------------------------------------------------------------- */

static const char DAYS_SQL[] =
    "SELECT date(started, 'unixepoch', 'localtime') AS d, count(*) FROM visits"
    " GROUP BY d ORDER BY d";
static const char HOURS_SQL[] =
    "SELECT strftime('%H', started, 'unixepoch', 'localtime') AS h, count(*) FROM visits"
    " GROUP BY h ORDER BY h";
static const char BUNDLES_SQL[] =
    "SELECT CASE WHEN bundle = '' THEN '(unknown)' ELSE rtrim(bundle || ' ' || version) END,"
    " count(*) FROM visits GROUP BY 1 ORDER BY 2 DESC, 1";
/* Per item: the visits that opened it, how often it was opened, how long it was on screen. */
static const char TOP_SQL[] =
    "SELECT item, count(*), sum(n), sum(ms) FROM"
    " (SELECT file, visit, item, count(*) AS n, sum(dwell_ms) AS ms FROM views"
    "  WHERE screen = 'item' GROUP BY file, visit, item)"
    " GROUP BY item ORDER BY 2 DESC, 3 DESC, 4 DESC, item LIMIT ?1";
static const char LANGS_SQL[] =
    "SELECT lang, count(*), sum(n) FROM"
    " (SELECT file, visit, lang, count(*) AS n FROM views GROUP BY file, visit, lang)"
    " GROUP BY lang ORDER BY 3 DESC, 2 DESC, lang";
static const char QUIZ_SQL[] =
    "SELECT item, sum(rank = 1), count(*) FROM quiz GROUP BY item ORDER BY 2 DESC, 3 DESC, item";
/* Two rows of totals: the first day and the visit count; the last day, screens, quizzes
 * finished and visits with a quiz. */
static const char TOTALS_SQL[] =
    "SELECT coalesce(min(date(started, 'unixepoch', 'localtime')), ''), count(*), NULL, NULL"
    " FROM visits"
    " UNION ALL "
    "SELECT coalesce(max(date(started, 'unixepoch', 'localtime')), ''),"
    " (SELECT count(*) FROM views), (SELECT count(*) FROM quiz WHERE rank = 1),"
    " (SELECT count(*) FROM (SELECT DISTINCT file, visit FROM quiz)) FROM visits";
/* The middle visit length (odd count) or the two middle ones (even count). */
static const char MEDIAN_SQL[] =
    "SELECT len FROM visits ORDER BY len LIMIT ?1 OFFSET ?2";

static bool rows_push(Rows *r, const Row *row)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 16;
        Row *grown = realloc(r->rows, cap * sizeof *grown);
        if (!grown) return false;
        r->rows = grown;
        r->cap = cap;
    }
    r->rows[r->n++] = *row;
    return true;
}

/* Replaces control characters (C0, DEL, and C1 as UTF-8 U+0080..U+009F) with '?': stored
 * text such as "\033]0;..." would otherwise retitle or clear the organiser's terminal. Keys are
 * made safe once here, so the text report and the CSV files show the same. */
static void terminal_safe(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7F) {
            *p = '?';
        } else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            p[0] = '?';
            memmove(p + 1, p + 2, strlen((char *)p + 2) + 1);
        }
    }
}

/* Runs sql (binding ?1 to bind1 when it has one) and keeps column 0 as the key and the next
 * columns as numbers. */
static bool fetch(sqlite3 *db, const char *sql, long long bind1, Rows *out, FILE *err)
{
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
    if (ok && sqlite3_bind_parameter_count(st) > 0) sqlite3_bind_int64(st, 1, bind1);
    int rc = SQLITE_ERROR;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        Row row = {0};
        const unsigned char *key = sqlite3_column_text(st, 0);
        snprintf(row.key, sizeof row.key, "%s", key ? (const char *)key : "");
        terminal_safe(row.key);
        int cols = sqlite3_column_count(st);
        for (int c = 1; c < cols && c <= ROW_VALUES; c++)
            row.v[c - 1] = sqlite3_column_int64(st, c);
        if (!rows_push(out, &row)) {
            fprintf(err, "stats: out of memory\n");
            ok = false;
        }
    }
    if (ok && rc != SQLITE_DONE) {
        ok = false;
        fprintf(err, "stats: a report query failed: %s\n", sqlite3_errmsg(db));
    } else if (!ok && !st) {
        fprintf(err, "stats: a report query failed: %s\n", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return ok;
}

static bool median_x2(sqlite3 *db, long long count, long long *out, FILE *err)
{
    *out = 0;
    if (count == 0) return true;
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, MEDIAN_SQL, -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(st, 1, count % 2 ? 1 : 2);
        sqlite3_bind_int64(st, 2, (count - 1) / 2);
    }
    int rc = SQLITE_ERROR;
    long long sum = 0;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) sum += sqlite3_column_int64(st, 0);
    ok = ok && rc == SQLITE_DONE;
    if (!ok) fprintf(err, "stats: the median query failed: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    *out = count % 2 ? 2 * sum : sum;
    return ok;
}

void figures_free(Figures *f)
{
    Rows *all[] = {&f->bundles, &f->days, &f->hours, &f->top, &f->langs, &f->quiz};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) free(all[i]->rows);
}

bool figures_compute(const char *const *paths, size_t n, Figures *f, FILE *err)
{
    memset(f, 0, sizeof *f);
    sqlite3 *db = gather(paths, n, err);
    if (!db) return false;
    f->files = n;

    Rows totals = {0};
    bool ok = fetch(db, TOTALS_SQL, 0, &totals, err) && totals.n == 2;
    if (ok) {
        snprintf(f->first_day, sizeof f->first_day, "%s", totals.rows[0].key);
        f->visits = totals.rows[0].v[0];
        snprintf(f->last_day, sizeof f->last_day, "%s", totals.rows[1].key);
        f->views = totals.rows[1].v[0];
        f->quizzes = totals.rows[1].v[1];
        f->quiz_visits = totals.rows[1].v[2];
    }
    free(totals.rows);
    ok = ok && median_x2(db, f->visits, &f->median_x2, err) &&
         fetch(db, BUNDLES_SQL, 0, &f->bundles, err) && fetch(db, DAYS_SQL, 0, &f->days, err) &&
         fetch(db, HOURS_SQL, 0, &f->hours, err) &&
         fetch(db, TOP_SQL, STATS_TOP_ITEMS, &f->top, err) &&
         fetch(db, LANGS_SQL, 0, &f->langs, err) && fetch(db, QUIZ_SQL, 0, &f->quiz, err);
    sqlite3_close(db);
    if (!ok) figures_free(f);
    return ok;
}

/* ---- the text report ----------------------------------------------------------------------- */

static const char *plural(long long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static int digits(long long n)
{
    int d = 1;
    for (; n >= 10; n /= 10) d++;
    return d;
}

static int key_width(const Rows *r)
{
    int w = 0;
    for (size_t i = 0; i < r->n; i++) {
        int len = (int)strlen(r->rows[i].key);
        if (len > w) w = len;
    }
    return w;
}

static int value_width(const Rows *r, int col)
{
    int w = 1;
    for (size_t i = 0; i < r->n; i++)
        if (digits(r->rows[i].v[col]) > w) w = digits(r->rows[i].v[col]);
    return w;
}

/* Half seconds, so an even count's median (the mean of the two middle visits) is exact:
 * "45 s", "1 min 30 s", "1 min 30.5 s", "2 h 5 min" (seconds are left out from an hour on). */
static const char *duration(long long half_seconds, char buf[DURATION_MAX])
{
    long long s = half_seconds / 2;
    const char *half = half_seconds % 2 ? ".5" : "";
    if (s < 60) snprintf(buf, DURATION_MAX, "%lld%s s", s, half);
    else if (s < 3600 && s % 60 == 0 && !*half) snprintf(buf, DURATION_MAX, "%lld min", s / 60);
    else if (s < 3600) snprintf(buf, DURATION_MAX, "%lld min %lld%s s", s / 60, s % 60, half);
    else if (s % 3600 < 60) snprintf(buf, DURATION_MAX, "%lld h", s / 3600);
    else snprintf(buf, DURATION_MAX, "%lld h %lld min", s / 3600, s % 3600 / 60);
    return buf;
}

static void print_report(const Figures *f, FILE *out)
{
    char d[DURATION_MAX];
    fprintf(out, "Kiosk statistics, %zu %s: %lld %s", f->files,
            plural((long long)f->files, "file", "files"), f->visits,
            plural(f->visits, "visit", "visits"));
    if (f->visits == 0) {
        fprintf(out, "\n");
        return;
    }
    if (strcmp(f->first_day, f->last_day) == 0) fprintf(out, " on %s", f->first_day);
    else fprintf(out, " from %s to %s", f->first_day, f->last_day);
    fprintf(out, " (local time)\nBundles:");
    for (size_t i = 0; i < f->bundles.n; i++)
        fprintf(out, "%s %s (%lld %s)", i ? "," : "", f->bundles.rows[i].key,
                f->bundles.rows[i].v[0], plural(f->bundles.rows[i].v[0], "visit", "visits"));

    fprintf(out, "\n\nVisits per day\n");
    int w = value_width(&f->days, 0);
    for (size_t i = 0; i < f->days.n; i++)
        fprintf(out, "  %s  %*lld\n", f->days.rows[i].key, w, f->days.rows[i].v[0]);

    fprintf(out, "\nVisits per hour of day\n");
    w = value_width(&f->hours, 0);
    for (size_t i = 0; i < f->hours.n; i++) {
        int h = atoi(f->hours.rows[i].key);
        fprintf(out, "  %02d:00-%02d:00  %*lld\n", h, (h + 1) % HOURS_PER_DAY, w,
                f->hours.rows[i].v[0]);
    }

    fprintf(out, "\nMedian visit length: %s\n", duration(f->median_x2, d));

    fprintf(out, "\nTop items (visits that opened it, times opened, time on screen)\n");
    if (f->top.n == 0) fprintf(out, "  (no item was opened)\n");
    int kw = key_width(&f->top), rw = digits((long long)f->top.n), w0 = value_width(&f->top, 0),
        w1 = value_width(&f->top, 1);
    for (size_t i = 0; i < f->top.n; i++) {
        const Row *r = &f->top.rows[i];
        fprintf(out, "  %*zu. %-*s  %*lld %-6s  %*lld %-5s  %s\n", rw, i + 1, kw, r->key, w0,
                r->v[0], plural(r->v[0], "visit", "visits"), w1, r->v[1],
                plural(r->v[1], "time", "times"), duration(2 * ms_to_s(r->v[2]), d));
    }

    fprintf(out, "\nLanguages (visits that used it, screens shown)\n");
    kw = key_width(&f->langs);
    w0 = value_width(&f->langs, 0);
    w1 = value_width(&f->langs, 1);
    for (size_t i = 0; i < f->langs.n; i++) {
        const Row *r = &f->langs.rows[i];
        long long pct = f->views ? (200 * r->v[1] + f->views) / (2 * f->views) : 0;
        fprintf(out, "  %-*s  %*lld %-6s  %*lld %-7s  %3lld%%\n", kw, r->key, w0, r->v[0],
                plural(r->v[0], "visit", "visits"), w1, r->v[1],
                plural(r->v[1], "screen", "screens"), pct);
    }

    fprintf(out, "\nQuiz finished %lld %s in %lld %s\n", f->quizzes,
            plural(f->quizzes, "time", "times"), f->quiz_visits,
            plural(f->quiz_visits, "visit", "visits"));
    if (f->quiz.n) {
        static const char BEST[] = "best match", TOP[] = "in top 3";
        _Static_assert(STATS_QUIZ_RANKS == 3, "the column title says top 3");
        kw = key_width(&f->quiz);
        if (kw < (int)strlen("item")) kw = (int)strlen("item");
        w0 = (int)strlen(BEST);
        w1 = (int)strlen(TOP);
        fprintf(out, "  %-*s  %s  %s\n", kw, "item", BEST, TOP);
        for (size_t i = 0; i < f->quiz.n; i++)
            fprintf(out, "  %-*s  %*lld  %*lld\n", kw, f->quiz.rows[i].key, w0,
                    f->quiz.rows[i].v[0], w1, f->quiz.rows[i].v[1]);
    }
}

int stats_report(const char *const *paths, size_t n, FILE *out, FILE *err)
{
    Figures f;
    if (!figures_compute(paths, n, &f, err)) return 1;
    print_report(&f, out);
    figures_free(&f);
    if (fflush(out) != 0 || ferror(out)) {
        fprintf(err, "stats: cannot write the report: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
