/* stats_private.h: what stats.c (recording) and stats_open.c (opening, schema) share: the
 * Stats struct and its limits. Not for other modules: they use ops/stats.h. */
#ifndef KIOSK_STATS_PRIVATE_H
#define KIOSK_STATS_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "ops/stats.h"

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
} StatsScreen;


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
    StatsScreen screen;
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

/* Runs SQL without results; false with SQLite's reason in why. */
bool stats_exec(sqlite3 *db, const char *sql, char *why, size_t size);

#endif
