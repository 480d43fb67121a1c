/* stats_writer.c: a helper program for tests/ops/test_stats.c, run as a separate process.
 *
 *   stats_writer loop DB VIEWS   writes visits of VIEWS screens and one finished quiz (3
 *                                results) as fast as it can, for ever; after each
 *                                stats_visit_end returns it prints the visit's number (1, 2...)
 *                                on stdout, so the test knows which visits were committed
 *   stats_writer lock DB stdin   takes SQLite's write lock on DB, prints "locked", holds the
 *                                lock until its stdin is closed (so the test decides when,
 *                                on an event, whatever the machine's speed), then commits
 *
 * The test kills `loop` with SIGKILL at moments of its choosing, which no in-process test can
 * do: the process dies with SQLite's file handles open, half-way through whatever it was
 * writing. `lock` plays an organiser's sqlite3 shell in the middle of a write. */
#include "ops/stats.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { WRITER_T0 = 1700000000, WRITER_SECONDS_PER_VISIT = 60, WRITER_VIEW_MS = 1500 };

static int loop(const char *db_path, int views)
{
    char err[512];
    Stats *s = stats_open(db_path, err, sizeof err);
    if (!s) {
        fprintf(stderr, "stats_writer: %s\n", err);
        return 1;
    }
    static const char *const SCREENS[] = {"home", "collection", "item", "quiz", "result", "about"};
    static const char *const RESULTS[] = {"lasser", "elektromonteur", "installateur"};
    for (long visit = 1;; visit++) {
        int64_t t = WRITER_T0 + (int64_t)visit * WRITER_SECONDS_PER_VISIT;
        stats_visit_begin(s, t, "techniekpact", "2026.11");
        for (int i = 0; i < views; i++) {
            const char *screen = SCREENS[i % 6];
            char item[32];
            snprintf(item, sizeof item, "item-%d", i);
            bool has_item = strcmp(screen, "collection") == 0 || strcmp(screen, "item") == 0;
            stats_view(s, t + i, screen, has_item ? item : NULL, i % 2 ? "en" : "nl",
                       WRITER_VIEW_MS);
        }
        stats_quiz(s, t + views, RESULTS, 3, "nl");
        stats_visit_end(s, t + views + 1);
        printf("%ld\n", visit);
        fflush(stdout);
    }
}

static int lock(const char *db_path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(db_path, &db) != SQLITE_OK ||
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "stats_writer: cannot lock %s: %s\n", db_path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return 1;
    }
    printf("locked\n");
    fflush(stdout);
    char buf[64];
    while (read(0, buf, sizeof buf) > 0) continue;
    int rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "loop") == 0) return loop(argv[2], atoi(argv[3]));
    if (argc == 4 && strcmp(argv[1], "lock") == 0 && strcmp(argv[3], "stdin") == 0)
        return lock(argv[2]);
    fprintf(stderr, "usage: stats_writer loop DB VIEWS | stats_writer lock DB stdin\n");
    return 2;
}
