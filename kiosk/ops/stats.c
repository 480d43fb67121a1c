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
#include "core/log.h"
#include "core/util.h"
#include "ops/stats_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The only values the screen column can take (the schema's CHECK repeats this list). */
static const char *const KIND_NAMES[KIND_COUNT] = {
    [KIND_HOME] = "home",   [KIND_COLLECTION] = "collection", [KIND_ITEM] = "item",
    [KIND_QUIZ] = "quiz",   [KIND_RESULT] = "result",         [KIND_ABOUT] = "about",
};
/* ---- messages ------------------------------------------------------------------------------ */

static void note_once(Stats *s, Note n, const char *fmt, ...)
{
    if (s->noted & n) return;
    s->noted |= n;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    log_as("stats", LOG_LEVEL_WARNING, "%s: %s (noted once)", s->path, text);
}

/* A write failed: say so the first time, with SQLite's reason. */
static void write_failed(Stats *s, const char *what, const char *reason)
{
    if (!s->failing)
        log_as("stats", LOG_LEVEL_ERROR, "%s: %s failed: %s (further errors are not shown until saving works "
                "again)",
                s->path, what, reason);
    s->failing = true;
}

static void write_worked(Stats *s)
{
    if (s->failing)
        log_as("stats", LOG_LEVEL_WARNING, "%s: saving works again; %ld visit%s lost meanwhile", s->path,
                s->lost_visits, s->lost_visits == 1 ? " was" : "s were");
    s->failing = false;
    s->lost_visits = 0;
}

/* ---- validation: what keeps free text out of the file -------------------------------------- */

/* The bundle loader's rule for ids: lowercase letters, digits and '-', starting with a letter.
 * A name ("Anna de Vries") or a sentence cannot pass it. */
static bool valid_id(const char *s)
{
    return s && text_is_id(s, strlen(s), STATS_ID_MAX);
}

/* The bundle loader's rule for languages: "nl", "en", "pap", "pt-BR". */
static bool valid_lang(const char *s)
{
    return s && strlen(s) <= STATS_LANG_MAX && text_is_language(s);
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

static bool screen_kind(const char *name, StatsScreen *out)
{
    for (int k = 0; name && k < KIND_COUNT; k++) {
        if (strcmp(name, KIND_NAMES[k]) == 0) {
            *out = (StatsScreen)k;
            return true;
        }
    }
    return false;
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
    StatsScreen kind;
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
        log_as("stats", LOG_LEVEL_WARNING, "%s: a visit had more than %d screens or %d quiz results; %ld screens "
                "and %ld quiz results of it were not recorded",
                s->path, STATS_MAX_VIEWS_PER_VISIT, STATS_MAX_QUIZZES_PER_VISIT,
                s->dropped_views, s->dropped_quizzes);

    char reason[REASON_MAX];
    bool ok = stats_exec(s->db, "BEGIN IMMEDIATE", reason, sizeof reason);
    ok = ok && insert_visit_rows(s, now_s, reason, sizeof reason);
    ok = ok && stats_exec(s->db, "COMMIT", reason, sizeof reason);
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
        log_as("stats", LOG_LEVEL_ERROR, "%s: cannot keep %d days of statistics; give 0 or more", s->path,
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
