/* stats_child.h: what the statistics tests share: a child process (tests/ops/stats_writer.c, or
 * the kiosk) whose stdout is read line by line, waited on by events, and SQL on the side.
 * Header-only (static inline), for test_stats.c and test_stats_access.c. */
#ifndef KIOSK_TEST_STATS_CHILD_H
#define KIOSK_TEST_STATS_CHILD_H

#include "check.h"

#include <poll.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static inline sqlite3 *raw_open(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

/* The first column of the first row, as text (static buffer), or "(error: ...)". */
static inline const char *sql_text(sqlite3 *db, const char *sql)
{
    static char out[4096];
    sqlite3_stmt *st = NULL;
    snprintf(out, sizeof out, "(no row)");
    if (!db || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(out, sizeof out, "(error: %s)", db ? sqlite3_errmsg(db) : "no database");
    } else if (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        snprintf(out, sizeof out, "%s", t ? (const char *)t : "(null)");
    }
    sqlite3_finalize(st);
    return out;
}

static inline long long sql_int(sqlite3 *db, const char *sql)
{
    const char *t = sql_text(db, sql);
    if (t[0] == '(') fprintf(stderr, "  %s: %s\n", sql, t);
    return strtoll(t, NULL, 10);
}

/* A whole file as a string (owned by the caller), or NULL. */
static inline char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    size_t got;
    while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *grown = realloc(s, cap * 2);
            if (!grown) {
                free(s);
                s = NULL;
            }
            s = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (s) s[n] = '\0';
    return s;
}

/* A stats_writer process and what it printed on stdout (one line per event). */
typedef struct {
    pid_t pid;
    int out;         /* read end of its stdout */
    int in;          /* write end of its stdin: closing it releases a "lock DB stdin" */
    long lines;      /* complete lines read */
    long last;       /* the number on the last complete line */
    long partial;    /* the number on the line being read */
    bool eof;
} Child;

/* Starts argv[0] (a path) with its stdin and stdout on pipes. */
#ifndef KIOSK_TEST_EMULATOR
#define KIOSK_TEST_EMULATOR ""
#endif
enum { CHILD_MAX_ARGS = 24 };

/* argv with the emulator's words in front: in a cross-build ctest runs the test under qemu-user
 * (KIOSK_TEST_EMULATOR, from CMAKE_CROSSCOMPILING_EMULATOR, words split at spaces), and the
 * programs it starts are arm64 too. Without binfmt_misc (a container rarely has it) the kernel
 * cannot run them by itself: the child ended at once with exit 127. NULL-terminated in out. */
static inline void with_emulator(char *const argv[], char *out[CHILD_MAX_ARGS])
{
    static char words[256];
    int n = 0;
    snprintf(words, sizeof words, "%s", KIOSK_TEST_EMULATOR);
    for (char *w = strtok(words, " "); w && n < CHILD_MAX_ARGS / 2; w = strtok(NULL, " "))
        out[n++] = w;
    for (int i = 0; argv[i] && n < CHILD_MAX_ARGS - 1; i++) out[n++] = argv[i];
    out[n] = NULL;
}

static inline bool child_start(Child *c, char *const program_argv[])
{
    char *argv[CHILD_MAX_ARGS];
    with_emulator(program_argv, argv);
    memset(c, 0, sizeof *c);
    int fds[2], in_fds[2];
    if (pipe(fds) != 0) return false;
    if (pipe(in_fds) != 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_adddup2(&fa, in_fds[0], 0);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    posix_spawn_file_actions_addclose(&fa, in_fds[0]);
    posix_spawn_file_actions_addclose(&fa, in_fds[1]);
    int rc = posix_spawnp(&c->pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    close(in_fds[0]);
    if (rc != 0) {
        fprintf(stderr, "cannot start %s: %s\n", argv[0], strerror(rc));
        close(fds[0]);
        close(in_fds[1]);
        return false;
    }
    c->out = fds[0];
    c->in = in_fds[1];
    return true;
}

/* Reads the child's output until `until_lines` lines have come (0: no such goal) or end of
 * file (it ended). Tests wait on these events, never on a guessed number of milliseconds: a
 * slow machine (qemu-user) takes seconds for what takes a millisecond here. A child that hangs
 * is caught by ctest's TIMEOUT. */
static inline void child_read(Child *c, long until_lines)
{
    while (!c->eof && (until_lines == 0 || c->lines < until_lines)) {
        struct pollfd p = {.fd = c->out, .events = POLLIN};
        if (poll(&p, 1, -1) <= 0) continue;
        char buf[4096];
        ssize_t n = read(c->out, buf, sizeof buf);
        if (n <= 0) {
            c->eof = true;
            break;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                c->last = c->partial;
                c->partial = 0;
                c->lines++;
            } else if (buf[i] >= '0' && buf[i] <= '9') {
                c->partial = c->partial * 10 + (buf[i] - '0');
            }
        }
    }
}

/* Closes its stdin, waits for it to exit and returns its wait status. */
static inline int child_finish(Child *c)
{
    int status = 0;
    close(c->in);
    waitpid(c->pid, &status, 0);
    child_read(c, 0); /* whatever it printed before it ended, up to end of file */
    close(c->out);
    return status;
}

#endif
