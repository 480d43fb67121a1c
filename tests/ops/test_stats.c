/* test_stats.c: the statistics module as organisers and a power cut see it.
 *
 * Every time is chosen here (TZ=UTC, fixed Unix seconds), so the report's figures are exact.
 * Files live in a fresh folder under /tmp that is removed at the end. The crash test runs
 * tests/ops/stats_writer.c as a separate process and kills it with SIGKILL mid-write. */
#define _XOPEN_SOURCE 700 /* nftw, to remove the temporary folder */
#include "ops/stats.h"

#include "check.h"
#include "stats_child.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum {
    D1 = 1709510400,          /* Monday 2024-03-04 00:00:00 UTC */
    D2 = D1 + 86400,          /* Tuesday 2024-03-05 */
    HOUR = 3600,
    DAY = 86400,
    WRITER_VIEWS = 5,         /* screens per visit that stats_writer writes */
    WRITER_QUIZ_ROWS = 3,     /* quiz results per visit that stats_writer writes */
    KILLS = 5,
    TMP_LEN = 64,   /* the temporary folder's name, "/tmp/kiosk-stats-XXXXXX" */
    PATH_LEN = 512, /* a file in it */
};

static char tmp_dir[TMP_LEN];

static const char *tpath(char buf[PATH_LEN], const char *name)
{
    snprintf(buf, PATH_LEN, "%s/%s", tmp_dir, name);
    return buf;
}

/* ---- helpers: SQL on the side, files, stderr, child processes -------------------------------- */

/* stats_writer MODE DB ARG. */
static bool writer_start(Child *c, const char *mode, const char *db, const char *arg)
{
    char *argv[] = {(char *)STATS_WRITER_PATH, (char *)mode, (char *)db, (char *)arg, NULL};
    return child_start(c, argv);
}

static void check_file(const char *path, const char *want)
{
    char *got = slurp(path);
    CHECK_STR(got, want);
    free(got);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static int count_of(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

/* stderr is redirected into a file between capture_begin and capture_end, which returns what
 * was printed (static buffer). No CHECK may run in between: its message would be captured. */
static int saved_stderr = -1;
static char captured[16384];

static void capture_begin(void)
{
    char path[PATH_LEN];
    fflush(stderr);
    saved_stderr = dup(2);
    int fd = open(tpath(path, "stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    close(fd);
}

static const char *capture_end(void)
{
    char path[PATH_LEN];
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    char *s = slurp(tpath(path, "stderr.txt"));
    snprintf(captured, sizeof captured, "%s", s ? s : "");
    free(s);
    return captured;
}

/* ---- the known data set ---------------------------------------------------------------------- */

/* Kiosk A, Monday 2024-03-04, written through the module:
 *   visit 1  09:05:00, 100 s: home, collection careers, elektromonteur (60 s)            nl
 *   visit 2  09:40:00,  90 s: home, quiz, result, lasser (40 s); quiz: elektromonteur,
 *            lasser, installateur                                                        nl
 *   visit 3  14:10:00,  70 s: home, elektromonteur (30 s), goal-7 (20 s), about          en
 * Kiosk B (tests/ops/stats-known.sql), Tuesday: 10:00:00 300 s and 10:30:00 40 s. */
static void make_kiosk_a(const char *path)
{
    char err[512] = "";
    Stats *s = stats_open(path, err, sizeof err);
    CHECK(s != NULL);
    if (!s) fprintf(stderr, "  %s\n", err);

    int64_t t = D1 + 9 * HOUR + 5 * 60;
    stats_visit_begin(s, t, "techniekpact", "2026.11");
    stats_view(s, t, "home", NULL, "nl", 10000);
    stats_view(s, t + 10, "collection", "careers", "nl", 20000);
    stats_view(s, t + 30, "item", "elektromonteur", "nl", 60000);
    stats_visit_end(s, t + 100);

    t = D1 + 9 * HOUR + 40 * 60;
    static const char *const RESULT[] = {"elektromonteur", "lasser", "installateur"};
    stats_visit_begin(s, t, "techniekpact", "2026.11");
    stats_view(s, t, "home", NULL, "nl", 5000);
    stats_view(s, t + 5, "quiz", NULL, "nl", 30000);
    stats_quiz(s, t + 35, RESULT, 3, "nl");
    stats_view(s, t + 35, "result", NULL, "nl", 10000);
    stats_view(s, t + 45, "item", "lasser", "nl", 40000);
    stats_visit_end(s, t + 90);

    t = D1 + 14 * HOUR + 10 * 60;
    stats_visit_begin(s, t, "techniekpact", "2026.11");
    stats_view(s, t, "home", NULL, "en", 5000);
    stats_view(s, t + 5, "item", "elektromonteur", "en", 30000);
    stats_view(s, t + 35, "item", "goal-7", "en", 20000);
    stats_view(s, t + 55, "about", NULL, "en", 8000);
    stats_visit_end(s, t + 70);
    stats_close(s);
}

/* A database made with the sqlite3 library alone from an SQL file. */
static bool make_from_sql(const char *db_path, const char *sql_path)
{
    char *sql = slurp(sql_path);
    sqlite3 *db = NULL;
    bool ok = sql && sqlite3_open(db_path, &db) == SQLITE_OK &&
              sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    if (!ok) fprintf(stderr, "  %s: %s\n", sql_path, sql ? sqlite3_errmsg(db) : strerror(errno));
    sqlite3_close(db);
    free(sql);
    return ok;
}

static void make_known(char a[PATH_LEN], char b[PATH_LEN])
{
    tpath(a, "kiosk-a.db");
    tpath(b, "kiosk-b.db");
    unlink(a);
    unlink(b);
    make_kiosk_a(a);
    CHECK(make_from_sql(b, KIOSK_SOURCE_DIR "/tests/ops/stats-known.sql"));
}

/* Runs stats_report into strings. */
static int report(const char *const *paths, size_t n, char **out, char **err)
{
    size_t out_len = 0, err_len = 0;
    FILE *o = open_memstream(out, &out_len), *e = open_memstream(err, &err_len);
    int rc = stats_report(paths, n, o, e);
    fclose(o);
    fclose(e);
    return rc;
}

static void test_module_writes_rows_as_documented(void)
{
    char a[PATH_LEN], b[PATH_LEN];
    make_known(a, b);
    sqlite3 *db = raw_open(a);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), 3);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views"), 11);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM quiz"), 3);
    CHECK_STR(sql_text(db, "SELECT group_concat(started || '-' || ended || ' ' || bundle || ' ' || "
                           "version, ', ') FROM (SELECT * FROM visits ORDER BY id)"),
              "1709543100-1709543200 techniekpact 2026.11, 1709545200-1709545290 techniekpact "
              "2026.11, 1709561400-1709561470 techniekpact 2026.11");
    CHECK_STR(sql_text(db, "SELECT group_concat(started || ' ' || screen || ' ' || "
                           "coalesce(item, '-') || ' ' || lang || ' ' || dwell_ms, ', ') FROM "
                           "(SELECT * FROM views WHERE visit = 2 ORDER BY rowid)"),
              "1709545200 home - nl 5000, 1709545205 quiz - nl 30000, 1709545235 result - nl "
              "10000, 1709545245 item lasser nl 40000");
    CHECK_STR(sql_text(db, "SELECT group_concat(visit || ' ' || at || ' ' || rank || ' ' || item "
                           "|| ' ' || lang, ', ') FROM (SELECT * FROM quiz ORDER BY rank)"),
              "2 1709545235 1 elektromonteur nl, 2 1709545235 2 lasser nl, 2 1709545235 3 "
              "installateur nl");
    sqlite3_close(db);
}

static void test_report_of_two_kiosks_gives_exact_figures(void)
{
    char a[PATH_LEN], b[PATH_LEN];
    make_known(a, b);
    const char *paths[] = {a, b};
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 2, &out, &err), 0);
    /* Lengths 100, 90, 70 (A) and 300, 40 (B): the median of all five is 90 s (the mean of the
     * two files' medians would be 130 s). Items rank by visits, then times opened. */
    CHECK_STR(out,
              "Kiosk statistics, 2 files: 5 visits from 2024-03-04 to 2024-03-05 (local time)\n"
              "Bundles: techniekpact 2026.11 (3 visits), techniekpact 2026.10 (2 visits)\n"
              "\n"
              "Visits per day\n"
              "  2024-03-04  3\n"
              "  2024-03-05  2\n"
              "\n"
              "Visits per hour of day\n"
              "  09:00-10:00  2\n"
              "  10:00-11:00  2\n"
              "  14:00-15:00  1\n"
              "\n"
              "Median visit length: 1 min 30 s\n"
              "\n"
              "Top items (visits that opened it, times opened, time on screen)\n"
              "  1. elektromonteur  3 visits  3 times  2 min 20 s\n"
              "  2. goal-7          2 visits  3 times  2 min 30 s\n"
              "  3. lasser          2 visits  2 times  1 min\n"
              "\n"
              "Languages (visits that used it, screens shown)\n"
              "  nl  4 visits  13 screens   76%\n"
              "  en  1 visit    4 screens   24%\n"
              "\n"
              "Quiz finished 2 times in 2 visits\n"
              "  item            best match  in top 3\n"
              "  elektromonteur           1         2\n"
              "  lasser                   1         2\n"
              "  installateur             0         1\n");
    CHECK_STR(err, "");
    free(out);
    free(err);
}

static void test_csv_files_hold_the_same_figures(void)
{
    char a[PATH_LEN], b[PATH_LEN], dir[PATH_LEN], f[PATH_LEN * 2];
    make_known(a, b);
    const char *paths[] = {a, b};
    tpath(dir, "csv");
    CHECK_INT(stats_export_csv(paths, 2, dir, stderr), 0);
#define CSV(name) (snprintf(f, sizeof f, "%s/%s", dir, name), f)
    check_file(CSV("summary.csv"),
               "files,visits,first_day,last_day,median_visit_s,screens,quizzes_finished\n"
               "2,5,2024-03-04,2024-03-05,90,17,2\n");
    check_file(CSV("visits_per_day.csv"), "day,visits\n2024-03-04,3\n2024-03-05,2\n");
    check_file(CSV("visits_per_hour.csv"),
               "hour,visits\n0,0\n1,0\n2,0\n3,0\n4,0\n5,0\n6,0\n7,0\n8,0\n9,2\n10,2\n11,0\n12,0\n"
               "13,0\n14,1\n15,0\n16,0\n17,0\n18,0\n19,0\n20,0\n21,0\n22,0\n23,0\n");
    check_file(CSV("top_items.csv"),
               "rank,item,visits,times_opened,seconds_on_screen\n"
               "1,elektromonteur,3,3,140\n"
               "2,goal-7,2,3,150\n"
               "3,lasser,2,2,60\n");
    check_file(CSV("languages.csv"), "lang,visits,screens\nnl,4,13\nen,1,4\n");
    check_file(CSV("quiz.csv"),
               "item,best_match,in_top_3\nelektromonteur,1,2\nlasser,1,2\ninstallateur,0,1\n");
#undef CSV
}

/* Lengths 10, 21, 30 in one file and 40 in another: the median of all four is (21 + 30) / 2 =
 * 25.5 s; each file's median (21 and 40) would suggest 30.5. */
static void test_median_is_over_all_visits_of_all_files(void)
{
    char a[PATH_LEN], b[PATH_LEN], dir[PATH_LEN], f[PATH_LEN * 2];
    tpath(a, "median-a.db");
    tpath(b, "median-b.db");
    unlink(a);
    unlink(b);
    Stats *s = stats_open(a, NULL, 0);
    static const int LEN_A[] = {30, 10, 21};
    for (int i = 0; i < 3; i++) {
        stats_visit_begin(s, D1 + i * HOUR, "techniekpact", "1");
        stats_visit_end(s, D1 + i * HOUR + LEN_A[i]);
    }
    stats_close(s);
    s = stats_open(b, NULL, 0);
    stats_visit_begin(s, D2, "techniekpact", "1");
    stats_visit_end(s, D2 + 40);
    stats_close(s);

    const char *paths[] = {a, b};
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 2, &out, &err), 0);
    CHECK(out && strstr(out, "\nMedian visit length: 25.5 s\n"));
    if (out && !strstr(out, "25.5 s")) fprintf(stderr, "  report:\n%s", out);
    tpath(dir, "csv-median");
    CHECK_INT(stats_export_csv(paths, 2, dir, stderr), 0);
    snprintf(f, sizeof f, "%s/summary.csv", dir);
    check_file(f, "files,visits,first_day,last_day,median_visit_s,screens,quizzes_finished\n"
                  "2,4,2024-03-04,2024-03-05,25.5,0,0\n");
    free(out);
    free(err);
}

static void test_days_and_hours_are_local_time(void)
{
    if (access("/usr/share/zoneinfo/Europe/Amsterdam", R_OK) != 0) {
        fprintf(stderr, "  (skipped: no tzdata for Europe/Amsterdam)\n");
        return;
    }
    char a[PATH_LEN];
    tpath(a, "local.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    /* 23:30 UTC on Monday is 00:30 on Tuesday in Amsterdam (CET, UTC+1). */
    stats_visit_begin(s, D1 + 23 * HOUR + 30 * 60, "techniekpact", "1");
    stats_visit_end(s, D1 + 23 * HOUR + 31 * 60);
    stats_close(s);
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    const char *paths[] = {a};
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 1, &out, &err), 0);
    CHECK(out && strstr(out, "\n  2024-03-05  1\n"));
    CHECK(out && strstr(out, "\n  00:00-01:00  1\n"));
    setenv("TZ", "UTC", 1);
    tzset();
    free(out);
    free(err);
}

static void test_empty_file_reports_no_visits(void)
{
    char a[PATH_LEN], dir[PATH_LEN], f[PATH_LEN * 2];
    tpath(a, "empty.db");
    unlink(a);
    stats_close(stats_open(a, NULL, 0));
    const char *paths[] = {a};
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 1, &out, &err), 0);
    CHECK_STR(out, "Kiosk statistics, 1 file: 0 visits\n");
    tpath(dir, "csv-empty");
    CHECK_INT(stats_export_csv(paths, 1, dir, stderr), 0);
    snprintf(f, sizeof f, "%s/summary.csv", dir);
    check_file(f, "files,visits,first_day,last_day,median_visit_s,screens,quizzes_finished\n"
                  "1,0,,,,0,0\n");
    snprintf(f, sizeof f, "%s/top_items.csv", dir);
    check_file(f, "rank,item,visits,times_opened,seconds_on_screen\n");
    free(out);
    free(err);
}

/* A fresh statistics file `name` with rows written by hand (as a damaged or edited file). */
static void make_edited(char a[PATH_LEN], const char *name, const char *sql)
{
    tpath(a, name);
    unlink(a);
    stats_close(stats_open(a, NULL, 0));
    sqlite3 *db = raw_open(a);
    CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* Ids cannot hold a comma, but a file edited by hand can; the CSV stays well-formed. */
static void test_csv_quotes_odd_values(void)
{
    char a[PATH_LEN], dir[PATH_LEN], f[PATH_LEN * 2];
    make_edited(a, "odd.db",
                "INSERT INTO visits VALUES (1, 1709543100, 1709543160, 'x', '1');"
                "INSERT INTO views VALUES (1, 1709543100, 'item', 'a,\"b\"', 'nl', 1000);");
    const char *paths[] = {a};
    tpath(dir, "csv-odd");
    CHECK_INT(stats_export_csv(paths, 1, dir, stderr), 0);
    snprintf(f, sizeof f, "%s/top_items.csv", dir);
    check_file(f, "rank,item,visits,times_opened,seconds_on_screen\n1,\"a,\"\"b\"\"\",1,1,1\n");
}

/* A hand-edited or damaged file: a dwell time of INT64_MAX, a visit that ends before it
 * starts, escape sequences and spreadsheet formulas in ids. The report stays sane, the
 * terminal untouched, the CSV free of formulas. */
static void test_hostile_values_are_clamped_and_neutralised(void)
{
    char a[PATH_LEN], dir[PATH_LEN], f[PATH_LEN * 2];
    make_edited(a, "hostile.db",
                 "INSERT INTO visits VALUES (1, 1709543100, 1709543160, 'x', '1');"
                 "INSERT INTO visits VALUES (2, 1709543100, -9223372036854775807, 'x', '1');"
                 "INSERT INTO visits VALUES (3, -9223372036854775807, 9223372036854775807,"
                 " 'x\x1b]0;owned\x07', '1');"
                 "INSERT INTO views VALUES (1, 1709543100, 'item', 'big', 'nl',"
                 " 9223372036854775807);"
                 "INSERT INTO views VALUES (1, 1709543100, 'item', 'big', 'nl',"
                 " 9223372036854775807);"
                 "INSERT INTO views VALUES (1, 1709543100, 'item', 'neg', 'nl', -5000);"
                 "INSERT INTO views VALUES (1, 1709543100, 'item', char(27) || '[2J=cls', 'nl', 1000);"
                 "INSERT INTO views VALUES (1, 1709543100, 'item', '=HYPERLINK(\"x\")', 'nl', 1000);"
                 "INSERT INTO views VALUES (1, 1709543100, 'item', '-2+3', '+nl', 1000);"
                 "INSERT INTO views VALUES (1, 1709543100, 'item', '@SUM(A1)', 'nl', 1000);");
    const char *paths[] = {a};
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 1, &out, &err), 0);
    CHECK_STR(err, "");
    CHECK(out && !strchr(out, '\x1b') && !strchr(out, '\x07'));
    /* two views of a day each: 48 h on screen, not a negative or wrapped number */
    CHECK(out && strstr(out, "  1. big              1 visit   2 times  48 h\n"));
    CHECK(out && strstr(out, "  6. neg              1 visit   1 time   0 s\n"));
    CHECK(out && strstr(out, "?[2J=cls"));
    /* lengths 60 s, 0 (ends before it starts) and a day (clamped): the median is 60 s */
    CHECK(out && strstr(out, "Median visit length: 1 min\n"));
    if (out && !strstr(out, "1. big")) fprintf(stderr, "%s", out);
    free(out);
    free(err);
    tpath(dir, "csv-hostile");
    CHECK_INT(stats_export_csv(paths, 1, dir, stderr), 0);
    snprintf(f, sizeof f, "%s/top_items.csv", dir);
    check_file(f, "rank,item,visits,times_opened,seconds_on_screen\n"
                  "1,big,1,2,172800\n"
                  "2,?[2J=cls,1,1,1\n"
                  "3,\"'-2+3\",1,1,1\n"
                  "4,\"'=HYPERLINK(\"\"x\"\")\",1,1,1\n"
                  "5,\"'@SUM(A1)\",1,1,1\n"
                  "6,neg,1,1,0\n");
    snprintf(f, sizeof f, "%s/languages.csv", dir);
    check_file(f, "lang,visits,screens\nnl,1,6\n\"'+nl\",1,1\n");
}

/* A negative user_version is not "no reason"; more than STATS_MAX_FILES files are refused
 * with a word instead of being dropped. */
static void test_odd_versions_and_too_many_files_are_explained(void)
{
    char a[PATH_LEN];
    make_edited(a, "negative.db", "PRAGMA user_version = -3");
    const char *paths[STATS_MAX_FILES + 1];
    paths[0] = a;
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 1, &out, &err), 1);
    char want[PATH_LEN * 2];
    snprintf(want, sizeof want,
             "stats: cannot read %s: not a kiosk statistics file (schema version -3) (leave it "
             "out to report on the others)\n",
             a);
    CHECK_STR(err, want);
    free(out);
    free(err);
    for (size_t i = 0; i <= STATS_MAX_FILES; i++) paths[i] = a;
    CHECK_INT(report(paths, STATS_MAX_FILES + 1, &out, &err), 1);
    CHECK_STR(out, "");
    CHECK_STR(err, "stats: 257 statistics files given; at most 256 at a time (report on them "
                   "in groups)\n");
    free(out);
    free(err);
}

/* ---- retention and loss ------------------------------------------------------------------- */

static void test_prune_removes_old_visits_with_their_rows(void)
{
    char a[PATH_LEN];
    tpath(a, "prune.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    const int64_t now = D2 + 12 * HOUR;
    static const int AGE_DAYS[] = {10, 5, 1};
    static const char *const RESULT[] = {"lasser"};
    for (int i = 0; i < 3; i++) {
        int64_t t = now - AGE_DAYS[i] * DAY;
        stats_visit_begin(s, t, "techniekpact", "1");
        stats_view(s, t, "home", NULL, "nl", 1000);
        stats_view(s, t + 1, "item", "lasser", "nl", 1000);
        stats_quiz(s, t + 2, RESULT, 1, "nl");
        stats_visit_end(s, t + 3);
    }
    CHECK_INT(stats_prune(s, 7, now), 1);
    sqlite3 *db = raw_open(a);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), 2);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views"), 4);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM quiz"), 2);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views WHERE visit NOT IN (SELECT id FROM visits)"),
              0);
    CHECK_INT(sql_int(db, "SELECT min(started) FROM visits"), now - 5 * DAY);
    CHECK_INT(stats_prune(s, 7, now), 0);
    CHECK_INT(stats_prune(s, 2, now), 1);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views"), 2);
    capture_begin();
    long bad = stats_prune(s, -1, now);
    const char *said = capture_end();
    CHECK_INT(bad, -1);
    CHECK(strstr(said, "cannot keep -1 days") != NULL);
    CHECK_INT(stats_prune(s, 0, now), 1);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), 0);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM quiz"), 0);
    sqlite3_close(db);
    stats_close(s);
}

static void test_visit_in_progress_is_lost_at_close_earlier_ones_kept(void)
{
    char a[PATH_LEN];
    tpath(a, "progress.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    for (int i = 0; i < 2; i++) {
        stats_visit_begin(s, D1 + i * HOUR, "techniekpact", "1");
        stats_view(s, D1 + i * HOUR, "home", NULL, "nl", 1000);
        stats_visit_end(s, D1 + i * HOUR + 10);
    }
    stats_visit_begin(s, D1 + 5 * HOUR, "techniekpact", "1");
    stats_view(s, D1 + 5 * HOUR, "item", "lasser", "nl", 1000);
    /* Before the end, nothing of the visit is in the file (a power cut now loses just it). */
    sqlite3 *db = raw_open(a);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), 2);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views"), 2);
    capture_begin();
    stats_close(s);
    const char *said = capture_end();
    CHECK(strstr(said, "visit in progress was not ended, so it is not saved") != NULL);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), 2);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views"), 2);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views WHERE item = 'lasser'"), 0);
    sqlite3_close(db);
}

static void test_a_new_visit_ends_the_open_one(void)
{
    char a[PATH_LEN];
    tpath(a, "twice.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    stats_visit_begin(s, D1, "techniekpact", "1");
    stats_view(s, D1, "home", NULL, "nl", 1000);
    stats_visit_begin(s, D1 + 50, "techniekpact", "1");
    stats_view(s, D1 + 50, "about", NULL, "en", 1000);
    stats_visit_end(s, D1 + 60);
    stats_visit_end(s, D1 + 70); /* no visit open: nothing */
    stats_close(s);
    sqlite3 *db = raw_open(a);
    CHECK_STR(sql_text(db, "SELECT group_concat(started || '-' || ended, ' ') FROM visits"),
              "1709510400-1709510450 1709510450-1709510460");
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views WHERE visit = 1 AND screen = 'home'"), 1);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views WHERE visit = 2 AND screen = 'about'"), 1);
    sqlite3_close(db);
}

static void test_capacity_drops_and_tells(void)
{
    char a[PATH_LEN];
    tpath(a, "capacity.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    static const char *const RESULT[] = {"lasser", "elektromonteur", "installateur", "monteur"};
    stats_visit_begin(s, D1, "techniekpact", "1");
    for (int i = 0; i < STATS_MAX_VIEWS_PER_VISIT + 5; i++)
        stats_view(s, D1 + i, "home", NULL, "nl", 100);
    capture_begin();
    for (int i = 0; i < STATS_MAX_QUIZZES_PER_VISIT + 2; i++) stats_quiz(s, D1, RESULT, 4, "nl");
    stats_visit_end(s, D1 + 5000);
    const char *said = capture_end();
    CHECK(strstr(said, "5 screens and 2 quiz results of it were not recorded") != NULL);
    CHECK_INT(count_of(said, "the first 3 are kept"), 1);
    stats_close(s);
    sqlite3 *db = raw_open(a);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views"), STATS_MAX_VIEWS_PER_VISIT);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM quiz"),
              STATS_MAX_QUIZZES_PER_VISIT * STATS_QUIZ_RANKS);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM quiz WHERE item = 'monteur'"), 0);
    sqlite3_close(db);
}

/* ---- nothing personal ----------------------------------------------------------------------- */

/* Every table and column in the file, "table.column type", in order. */
static const char *schema_listing(sqlite3 *db)
{
    return sql_text(db, "SELECT group_concat(t.name || '.' || c.name || ' ' || c.type, ', ') FROM "
                        "(SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name) t, "
                        "pragma_table_info(t.name) c");
}

static void test_schema_holds_only_documented_impersonal_columns(void)
{
    char a[PATH_LEN], b[PATH_LEN];
    make_known(a, b);
    /* Exactly the columns documented in stats.h: ids of bundle content, screen kinds,
     * languages, times and durations. No name, free text, device or network id. */
    static const char DOCUMENTED[] =
        "quiz.visit INTEGER, quiz.at INTEGER, quiz.rank INTEGER, quiz.item TEXT, quiz.lang TEXT, "
        "views.visit INTEGER, views.started INTEGER, views.screen TEXT, views.item TEXT, "
        "views.lang TEXT, views.dwell_ms INTEGER, "
        "visits.id INTEGER, visits.started INTEGER, visits.ended INTEGER, visits.bundle TEXT, "
        "visits.version TEXT";
    sqlite3 *db = raw_open(a);
    CHECK_STR(schema_listing(db), DOCUMENTED);
    CHECK_STR(sql_text(db, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
                           "WHERE type = 'index' ORDER BY name)"),
              "quiz_visit views_visit visits_started");
    CHECK_INT(sql_int(db, "PRAGMA user_version"), STATS_SCHEMA_VERSION);
    CHECK_STR(sql_text(db, "PRAGMA journal_mode"), "wal");
    static const char *const FORBIDDEN[] = {"name", "user", "device", "serial", "mac", "ip",
                                            "host", "email", "mail", "phone", "text", "comment",
                                            "note", "age", "gender", "school", "class"};
    for (size_t i = 0; i < sizeof FORBIDDEN / sizeof *FORBIDDEN; i++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM sqlite_master t, pragma_table_info(t.name) c "
                 "WHERE t.type = 'table' AND instr(lower(c.name), '%s') > 0",
                 FORBIDDEN[i]);
        CHECK_INT(sql_int(db, sql), 0);
    }
    sqlite3_close(db);
    /* The hand-written fixture has the same columns, so it pins the format the module writes. */
    db = raw_open(b);
    CHECK_STR(schema_listing(db), DOCUMENTED);
    CHECK_INT(sql_int(db, "PRAGMA user_version"), STATS_SCHEMA_VERSION);
    sqlite3_close(db);
}

static void test_free_text_never_reaches_the_file(void)
{
    char a[PATH_LEN];
    tpath(a, "text.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    static const char *const NAME[] = {"Anna de Vries"};
    static const char *const GOOD[] = {"lasser"};
    capture_begin();
    stats_view(s, D1, "home", NULL, "nl", 1000); /* outside a visit */
    stats_visit_begin(s, D1, "Mijn School", "groep 8\n");
    stats_view(s, D1, "item", "Anna de Vries", "nl", 1000);
    stats_view(s, D1, "item", "jan@example.nl", "nl", 1000);
    stats_view(s, D1, "search", NULL, "nl", 1000);
    stats_view(s, D1, "item", NULL, "nl", 1000);
    stats_view(s, D1, "home", NULL, "Nederlands", 1000);
    stats_quiz(s, D1, NAME, 1, "nl");
    stats_quiz(s, D1, GOOD, 0, "nl");
    stats_view(s, D1, "item", "lasser", "nl", 1000);        /* the only good view */
    stats_view(s, D1, "result", "lasser", "pt-BR", -5);     /* good too; -5 ms becomes 0 */
    stats_quiz(s, D1, GOOD, 1, "nl");                       /* and the only good quiz */
    stats_visit_end(s, D1 + 10);
    const char *said = capture_end();
    stats_close(s);
    CHECK_INT(count_of(said, "outside a visit"), 1);
    CHECK_INT(count_of(said, "'Mijn School'"), 1);
    CHECK_INT(count_of(said, "is not an item or collection id"), 1); /* noted once */
    CHECK_INT(count_of(said, "unknown screen kind 'search'"), 1);
    CHECK_INT(count_of(said, "'Nederlands' is not a language code"), 1);
    CHECK_INT(count_of(said, "a quiz result without any item"), 1);
    CHECK_INT(count_of(said, "negative duration"), 1);
    sqlite3 *db = raw_open(a);
    CHECK_STR(sql_text(db, "SELECT bundle || '|' || version FROM visits"), "|");
    CHECK_STR(sql_text(db, "SELECT group_concat(screen || ' ' || item || ' ' || lang || ' ' || "
                           "dwell_ms, ', ') FROM views"),
              "item lasser nl 1000, result lasser pt-BR 0");
    CHECK_STR(sql_text(db, "SELECT group_concat(item, ' ') FROM quiz"), "lasser");
    sqlite3_close(db);
}

/* ---- opening and errors --------------------------------------------------------------------- */

static void check_open_fails(const char *path, const char *want_in_message)
{
    char err[512] = "";
    Stats *s = stats_open(path, err, sizeof err);
    CHECK(s == NULL);
    stats_close(s);
    if (!strstr(err, want_in_message) || strncmp(err, "cannot open statistics file ", 28) != 0) {
        CHECK_STR(err, want_in_message);
    } else {
        CHECK(true);
    }
}

static void test_unusable_places_give_null_and_a_clear_message(void)
{
    char p[PATH_LEN], dir[PATH_LEN];
    snprintf(p, sizeof p, "%s/no-such-folder/stats.db", tmp_dir);
    snprintf(dir, sizeof dir, "the folder %s/no-such-folder does not exist", tmp_dir);
    check_open_fails(p, dir);
    check_open_fails(tmp_dir, "it is a folder");

    write_file(tpath(p, "notes.txt"), "Dit is geen database, maar een boodschappenlijstje.\n");
    check_open_fails(p, "file is not a database");

    sqlite3 *db = NULL;
    sqlite3_open(tpath(p, "newer.db"), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99; CREATE TABLE visits (id INTEGER)", NULL, NULL,
                 NULL);
    sqlite3_close(db);
    check_open_fails(p, "made by a newer kiosk (schema version 99; this kiosk knows 1)");

    db = NULL;
    sqlite3_open(tpath(p, "other.db"), &db);
    sqlite3_exec(db, "CREATE TABLE leerlingen (naam TEXT)", NULL, NULL, NULL);
    sqlite3_close(db);
    check_open_fails(p, "not a kiosk statistics file (it holds other tables)");

    /* A read-only folder. Root may write anywhere, so there /proc stands in for it. */
    if (geteuid() != 0) {
        tpath(dir, "readonly");
        mkdir(dir, 0755);
        chmod(dir, 0555);
        snprintf(p, sizeof p, "%s/readonly/stats.db", tmp_dir);
        check_open_fails(p, "is not writable");
        chmod(dir, 0755);
    }
    check_open_fails("/proc/kiosk-stats-test.db", "/proc/kiosk-stats-test.db");

    CHECK(stats_open(p, NULL, 0) == NULL); /* no room for a message: still no crash */
    CHECK(stats_open("", NULL, 0) == NULL);
    CHECK(stats_open(NULL, NULL, 0) == NULL);
}

static void test_null_stats_makes_every_call_a_no_op(void)
{
    static const char *const RESULT[] = {"lasser"};
    capture_begin();
    stats_visit_begin(NULL, D1, "techniekpact", "1");
    stats_view(NULL, D1, "home", NULL, "nl", 1000);
    stats_quiz(NULL, D1, RESULT, 1, "nl");
    stats_visit_end(NULL, D1 + 1);
    long pruned = stats_prune(NULL, 30, D1);
    stats_close(NULL);
    const char *said = capture_end();
    CHECK_INT(pruned, -1);
    CHECK_STR(said, "");
}

static void test_report_refuses_unreadable_files_and_prints_nothing(void)
{
    char a[PATH_LEN], b[PATH_LEN], missing[PATH_LEN], notes[PATH_LEN], odd[PATH_LEN];
    make_known(a, b);
    tpath(missing, "kiosk-c.db");
    unlink(missing);
    const char *paths[] = {a, missing, b};
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 3, &out, &err), 1);
    CHECK_STR(out, "");
    char want[PATH_LEN * 2];
    snprintf(want, sizeof want,
             "stats: cannot read %s: No such file or directory (leave it out to report on the "
             "others)\n",
             missing);
    CHECK_STR(err, want);
    CHECK(access(missing, F_OK) != 0); /* the report never creates a file */
    free(out);
    free(err);

    write_file(tpath(notes, "notes.db"), "geen database\n");
    paths[1] = notes;
    CHECK_INT(report(paths, 2, &out, &err), 1);
    CHECK(err && strstr(err, "file is not a database"));
    free(out);
    free(err);

    paths[1] = a; /* the same file twice would count its visits double */
    CHECK_INT(report(paths, 2, &out, &err), 1);
    CHECK(err && strstr(err, "it is given twice"));
    free(out);
    free(err);

    /* A name that needs escaping in a URI still reads. */
    tpath(odd, "kiosk ?#%1.db");
    unlink(odd);
    make_kiosk_a(odd);
    paths[1] = odd;
    CHECK_INT(report(paths, 2, &out, &err), 0);
    CHECK(out && strstr(out, "2 files: 6 visits"));
    free(out);
    free(err);

    CHECK_INT(report(paths, 0, &out, &err), 1);
    CHECK(err && strstr(err, "give one or more statistics files"));
    free(out);
    free(err);
    capture_begin();
    int rc = stats_export_csv(paths, 1, notes, stderr);
    const char *said = capture_end();
    CHECK_INT(rc, 1);
    CHECK(strstr(said, "cannot make the folder") != NULL);
}

/* ---- concurrency and crashes ---------------------------------------------------------------- */

/* An organiser's shell reading the live file neither blocks the kiosk nor sees half a visit;
 * the report reads a live file, including what is still only in the -wal file. */
static void test_reader_does_not_block_saving(void)
{
    char a[PATH_LEN];
    tpath(a, "live.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    stats_visit_begin(s, D1, "techniekpact", "1");
    stats_visit_end(s, D1 + 10);
    sqlite3 *reader = raw_open(a);
    sqlite3_exec(reader, "BEGIN", NULL, NULL, NULL);
    CHECK_INT(sql_int(reader, "SELECT count(*) FROM visits"), 1);
    /* The reader holds its snapshot through the whole save: if it blocked the writer, the save
     * would fail after the busy timeout and say so. No clock needed to see that. */
    capture_begin();
    stats_visit_begin(s, D1 + 60, "techniekpact", "1");
    stats_view(s, D1 + 60, "home", NULL, "nl", 1000);
    stats_visit_end(s, D1 + 70);
    const char *said = capture_end();
    CHECK_STR(said, "");
    CHECK_INT(sql_int(reader, "SELECT count(*) FROM visits"), 1); /* its snapshot */
    sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL);
    CHECK_INT(sql_int(reader, "SELECT count(*) FROM visits"), 2);
    sqlite3_close(reader);

    const char *paths[] = {a};
    char *out = NULL, *err = NULL;
    CHECK_INT(report(paths, 1, &out, &err), 0);
    CHECK(out && strstr(out, "1 file: 2 visits"));
    free(out);
    free(err);
    stats_close(s);
}

/* Telling when a save waits: SQLite's busy handler sleeps through the VFS's xSleep between
 * tries, so a copy of the default VFS whose xSleep first raises a flag says "the save found
 * the lock taken and is waiting" -- an event, where a fixed lock time would be a guess that a
 * slow machine (qemu-user) loses. */
static sqlite3_vfs waiting_vfs, *real_vfs;
static pthread_mutex_t wait_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cond = PTHREAD_COND_INITIALIZER;
static bool save_waited;

static int sleep_and_tell(sqlite3_vfs *vfs, int microseconds)
{
    (void)vfs;
    pthread_mutex_lock(&wait_mutex);
    save_waited = true;
    pthread_cond_broadcast(&wait_cond);
    pthread_mutex_unlock(&wait_mutex);
    return real_vfs->xSleep(real_vfs, microseconds);
}

static void *save_one_visit(void *stats)
{
    stats_visit_begin(stats, D1, "techniekpact", "1");
    stats_visit_end(stats, D1 + 10);
    return NULL;
}

/* Someone holds the write lock: saving waits (busy_timeout) and succeeds once it is released.
 * The lock is released only after the save is seen waiting. */
static void test_saving_waits_for_a_short_write_lock(void)
{
    char a[PATH_LEN];
    tpath(a, "locked.db");
    unlink(a);
    real_vfs = sqlite3_vfs_find(NULL);
    waiting_vfs = *real_vfs;
    waiting_vfs.zName = "waiting";
    waiting_vfs.xSleep = sleep_and_tell;
    sqlite3_vfs_register(&waiting_vfs, 1);
    Stats *s = stats_open(a, NULL, 0);
    sqlite3_vfs_register(real_vfs, 1);
    Child c;
    if (!writer_start(&c, "lock", a, "stdin")) {
        CHECK(false);
        stats_close(s);
        return;
    }
    child_read(&c, 1);
    CHECK_INT(c.lines, 1);
    if (c.lines != 1) { /* it ended without locking: there is nothing to wait for */
        child_finish(&c);
        stats_close(s);
        return;
    }
    capture_begin();
    pthread_t saver;
    CHECK_INT(pthread_create(&saver, NULL, save_one_visit, s), 0);
    pthread_mutex_lock(&wait_mutex);
    while (!save_waited) pthread_cond_wait(&wait_cond, &wait_mutex);
    pthread_mutex_unlock(&wait_mutex);
    int status = child_finish(&c); /* releases the lock */
    pthread_join(saver, NULL);
    CHECK_STR(capture_end(), "");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    stats_close(s);
    sqlite3_vfs_unregister(&waiting_vfs);
    sqlite3 *db = raw_open(a);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), 1);
    sqlite3_close(db);
}

/* A lock held past the busy timeout loses visits: said once, and the recovery is said too.
 * The lock is held until child_finish closes the helper's stdin. */
static void test_write_errors_are_reported_once(void)
{
    char a[PATH_LEN];
    tpath(a, "blocked.db");
    unlink(a);
    Stats *s = stats_open(a, NULL, 0);
    Child c;
    if (!writer_start(&c, "lock", a, "stdin")) {
        CHECK(false);
        stats_close(s);
        return;
    }
    child_read(&c, 1);
    CHECK_INT(c.lines, 1);
    capture_begin();
    for (int i = 0; i < 2; i++) {
        stats_visit_begin(s, D1 + i * 100, "techniekpact", "1");
        stats_view(s, D1 + i * 100, "home", NULL, "nl", 1000);
        stats_visit_end(s, D1 + i * 100 + 10);
    }
    const char *said = capture_end();
    char want[PATH_LEN * 2];
    snprintf(want, sizeof want,
             "stats: %s: saving a visit failed: database is locked (further errors are not shown "
             "until saving works again)\n",
             a);
    CHECK_STR(said, want);
    int status = child_finish(&c);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    capture_begin();
    stats_visit_begin(s, D1 + 1000, "techniekpact", "1");
    stats_visit_end(s, D1 + 1010);
    said = capture_end();
    snprintf(want, sizeof want, "stats: %s: saving works again; 2 visits were lost meanwhile\n",
             a);
    CHECK_STR(said, want);
    stats_close(s);
    sqlite3 *db = raw_open(a);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), 1);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM views"), 0);
    sqlite3_close(db);
}

/* The writer saves visits of WRITER_VIEWS screens and WRITER_QUIZ_ROWS quiz rows as fast as it
 * can and prints each visit's number once stats_visit_end has returned. Killed with SIGKILL
 * five times, each after a different number of reported visits, appending to the same file each time, the file must stay intact,
 * hold every visit the writer had reported (at most one more: committed but not yet printed),
 * and hold only whole visits. */
static void test_kill_9_loses_at_most_the_visit_in_progress(void)
{
    char a[PATH_LEN];
    tpath(a, "crash.db");
    unlink(a);
    char views_arg[16];
    snprintf(views_arg, sizeof views_arg, "%d", WRITER_VIEWS);
    long long total = 0;
    for (int k = 0; k < KILLS; k++) {
        Child c;
        if (!writer_start(&c, "loop", a, views_arg)) {
            CHECK(false);
            return;
        }
        /* Killed as soon as it has reported 1, 5, 9... visits: it is then writing the next
         * one. An event, not a delay: the first visit may take seconds on a slow machine. */
        const long reported = 1 + 4 * k;
        child_read(&c, reported);
        CHECK(c.lines >= reported);
        kill(c.pid, SIGKILL);
        if (c.lines < reported) { /* it ended by itself: it could not write at all */
            child_finish(&c);
            return;
        }
        int status = child_finish(&c);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

        sqlite3 *db = raw_open(a);
        const char *integrity = sql_text(db, "PRAGMA integrity_check");
        CHECK_STR(integrity, "ok");
        char integrity_copy[64];
        snprintf(integrity_copy, sizeof integrity_copy, "%.63s", integrity);
        long long now_total = sql_int(db, "SELECT count(*) FROM visits");
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM visits v WHERE "
                 "(SELECT count(*) FROM views WHERE visit = v.id) != %d OR "
                 "(SELECT count(*) FROM quiz WHERE visit = v.id) != %d",
                 WRITER_VIEWS, WRITER_QUIZ_ROWS);
        CHECK_INT(sql_int(db, sql), 0);
        CHECK_INT(sql_int(db, "SELECT count(*) FROM views WHERE visit NOT IN "
                              "(SELECT id FROM visits)"),
                  0);
        CHECK_INT(sql_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
        CHECK(now_total >= total + c.last);
        CHECK(now_total <= total + c.last + 1);
        fprintf(stderr,
                "  kill %d after %ld visits reported: writer reported %ld visits saved, file has "
                "%lld (+%lld), integrity %s\n",
                k + 1, reported, c.last, now_total, now_total - total, integrity_copy);
        total = now_total;
        sqlite3_close(db);
    }
    /* After five crashes the module still opens the file and adds to it. */
    Stats *s = stats_open(a, NULL, 0);
    CHECK(s != NULL);
    stats_visit_begin(s, D2, "techniekpact", "1");
    stats_visit_end(s, D2 + 1);
    stats_close(s);
    sqlite3 *db = raw_open(a);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM visits"), total + 1);
    sqlite3_close(db);
}

/* ---- main ------------------------------------------------------------------------------------ */

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/kiosk-stats-XXXXXX");
    if (!mkdtemp(tmp_dir)) {
        fprintf(stderr, "cannot make a temporary folder: %s\n", strerror(errno));
        return 1;
    }

    RUN(test_module_writes_rows_as_documented);
    RUN(test_report_of_two_kiosks_gives_exact_figures);
    RUN(test_csv_files_hold_the_same_figures);
    RUN(test_median_is_over_all_visits_of_all_files);
    RUN(test_days_and_hours_are_local_time);
    RUN(test_empty_file_reports_no_visits);
    RUN(test_csv_quotes_odd_values);
    RUN(test_hostile_values_are_clamped_and_neutralised);
    RUN(test_odd_versions_and_too_many_files_are_explained);
    RUN(test_prune_removes_old_visits_with_their_rows);
    RUN(test_visit_in_progress_is_lost_at_close_earlier_ones_kept);
    RUN(test_a_new_visit_ends_the_open_one);
    RUN(test_capacity_drops_and_tells);
    RUN(test_schema_holds_only_documented_impersonal_columns);
    RUN(test_free_text_never_reaches_the_file);
    RUN(test_unusable_places_give_null_and_a_clear_message);
    RUN(test_null_stats_makes_every_call_a_no_op);
    RUN(test_report_refuses_unreadable_files_and_prints_nothing);
    RUN(test_reader_does_not_block_saving);
    RUN(test_saving_waits_for_a_short_write_lock);
    RUN(test_write_errors_are_reported_once);
    RUN(test_kill_9_loses_at_most_the_visit_in_progress);

    nftw(tmp_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_summary();
}
