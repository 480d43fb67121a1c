/* fleet.c: see fleet.h.
 *
 * The files come from many machines through sync tools, so each is treated as hostile: opened
 * without blocking (fileio_open: a FIFO named status.json cannot hang the report), refused
 * above STATUS_MAX_FILE_BYTES before and while it is read, parsed by status_parse_json, which
 * checks every field and cleans every text (no terminal escape reaches the screen). Folder
 * names from readdir are cleaned the same way before they are printed.
 *
 * Staleness is judged by the time written inside the file, not by the file's mtime: `cp` or
 * `scp` without -p gives an old file a fresh mtime, while the kiosk's own "written" survives
 * any copy. Rows are collected first, so every column is as wide as its widest cell (up to a
 * cap, with "..." beyond it). */
#include "app/fleet.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/fileio.h"
#include "core/util.h"
#include "ops/status.h"

enum { COL_KIOSK, COL_VERSION, COL_BUNDLE, COL_DISPLAY, COL_LOAD, COL_TOUCH, COL_UP, COL_STATE,
       COLS };
static const char *const HEADS[COLS] = {"KIOSK", "VERSION", "BUNDLE", "DISPLAY", "LAST LOAD",
                                        "LAST TOUCH", "UP SINCE", "STATE"};
static const int WIDTH_MAX[COLS] = {24, 12, 32, 7, 48, 16, 16, 44}; /* in characters */
enum { CELL_BYTES = 4 * 48 + 4, WHY_BYTES = 512 };

typedef struct Entry {
    char where[FILEIO_MAX_PATH]; /* the file read, cleaned for the terminal */
    bool readable;
    char why[WHY_BYTES];         /* why not */
    KioskStatus st;
} Entry;

typedef struct Fleet {
    Entry *e;
    int n, dropped; /* dropped: past FLEET_MAX_KIOSKS */
} Fleet;

/* ---- reading ----------------------------------------------------------------------------- */

static bool read_status(const char *path, KioskStatus *st, char *why, size_t n)
{
    FILE *f;
    struct stat s;
    FileioStatus fs = fileio_open(path, &f, &s);
    if (fs == FILEIO_NOT_REGULAR) {
        err_set(why, n, "it is %s, not a file", fileio_kind(s.st_mode));
        return false;
    }
    if (fs != FILEIO_OK) {
        if (errno == ENOENT)
            err_set(why, n, "no %s (has this kiosk written one? is its status_dir carried "
                    "here?)", STATUS_JSON_NAME);
        else err_set(why, n, "cannot read it: %s", strerror(errno));
        return false;
    }
    char buf[STATUS_MAX_FILE_BYTES + 1];
    size_t len = s.st_size > STATUS_MAX_FILE_BYTES ? 0 : fread(buf, 1, sizeof buf, f);
    bool failed = ferror(f);
    fclose(f);
    if (s.st_size > STATUS_MAX_FILE_BYTES || len > STATUS_MAX_FILE_BYTES) {
        err_set(why, n, "too large for a status file (%lld bytes; at most %d)",
                (long long)(len > (size_t)s.st_size ? (off_t)len : s.st_size),
                STATUS_MAX_FILE_BYTES);
        return false;
    }
    if (failed) {
        err_set(why, n, "cannot read it: %s", strerror(errno));
        return false;
    }
    return status_parse_json(buf, len, st, why, n);
}

/* The next row for `path`, or NULL (counted as dropped) when the table is full. */
static Entry *new_entry(Fleet *f, const char *path)
{
    if (f->n >= FLEET_MAX_KIOSKS) {
        f->dropped++;
        return NULL;
    }
    Entry *e = &f->e[f->n++];
    memset(e, 0, sizeof *e);
    status_text(e->where, sizeof e->where, path);
    return e;
}

static void add_file(Fleet *f, const char *path)
{
    Entry *e = new_entry(f, path);
    if (e) e->readable = read_status(path, &e->st, e->why, sizeof e->why);
}

static void add_problem(Fleet *f, const char *path, const char *why)
{
    Entry *e = new_entry(f, path);
    if (!e) return;
    status_text(e->why, sizeof e->why, why);
}

static int visible(const struct dirent *d)
{
    return d->d_name[0] != '.'; /* also Syncthing's .stfolder and .stversions */
}

/* DIR/NAME/status.json for every folder NAME in DIR; false when DIR holds no folder. */
static bool add_folders(Fleet *f, const char *dir)
{
    struct dirent **list;
    int n = scandir(dir, &list, visible, alphasort);
    if (n < 0) {
        char why[WHY_BYTES];
        snprintf(why, sizeof why, "cannot read the folder: %s", strerror(errno));
        add_problem(f, dir, why);
        return true;
    }
    bool any = false;
    for (int i = 0; i < n; i++) {
        char sub[FILEIO_MAX_PATH], file[FILEIO_MAX_PATH + 16];
        snprintf(sub, sizeof sub, "%s/%s", dir, list[i]->d_name);
        struct stat st;
        if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(file, sizeof file, "%s/%s", sub, STATUS_JSON_NAME);
            add_file(f, file);
            any = true;
        }
        free(list[i]);
    }
    free(list);
    return any;
}

static void add_path(Fleet *f, const char *path)
{
    struct stat st;
    char file[FILEIO_MAX_PATH + 16];
    if (stat(path, &st) != 0) {
        snprintf(file, sizeof file, "cannot open it: %s", strerror(errno));
        add_problem(f, path, file);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        add_file(f, path); /* a status.json named directly, or something else: read says */
        return;
    }
    snprintf(file, sizeof file, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
             STATUS_JSON_NAME);
    if (stat(file, &st) == 0) add_file(f, file);
    else if (!add_folders(f, path))
        add_problem(f, path, "no " STATUS_JSON_NAME " in this folder, nor in a folder below it");
}

/* ---- the table --------------------------------------------------------------------------- */

/* Characters (code points) in a UTF-8 string. */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* `src` in at most `cols` characters, "..." at the end when cut. */
static void fit(char *dst, const char *src, int cols)
{
    if (width(src) <= cols) {
        snprintf(dst, CELL_BYTES, "%s", src);
        return;
    }
    size_t i = 0;
    for (int w = 0; src[i] && i + 8 < CELL_BYTES; i++) {
        if (((unsigned char)src[i] & 0xC0) != 0x80 && ++w > cols - 3) break;
    }
    snprintf(dst, CELL_BYTES, "%.*s...", (int)i, src);
}

static void when(char *out, size_t n, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!t || !localtime_r(&tt, &tm) || !strftime(out, n, "%Y-%m-%d %H:%M", &tm))
        snprintf(out, n, "-");
}

static void age(char *out, size_t n, int64_t s)
{
    if (s < 3600) snprintf(out, n, "%lld min", (long long)(s / 60));
    else if (s < 86400) snprintf(out, n, "%lld h %lld min", (long long)(s / 3600),
                                 (long long)(s / 60 % 60));
    else snprintf(out, n, "%lld d %lld h", (long long)(s / 86400), (long long)(s / 3600 % 24));
}

typedef struct Counts {
    int ok, stale, stopped, failed, clock, unreadable;
} Counts;

/* The STATE cell: every problem of this kiosk, or "ok". */
static void state(const KioskStatus *st, int64_t now, int64_t stale_s, Counts *c, char *out,
                  size_t n)
{
    char a[48];
    size_t used = 0;
    out[0] = '\0';
#define ADD(...) snprintf(out + used, n - used, __VA_ARGS__), used = strlen(out)
    if (!st->running) ADD("STOPPED"), c->stopped++;
    if (now - st->written_s > stale_s) {
        age(a, sizeof a, now - st->written_s);
        ADD("%sSTALE (written %s ago)", used ? ", " : "", a);
        c->stale++;
    } else if (st->written_s - now > FLEET_CLOCK_SLACK_S) {
        age(a, sizeof a, st->written_s - now);
        ADD("%sCLOCK (written %s ahead)", used ? ", " : "", a);
        c->clock++;
    }
    if (!st->load_ok) ADD("%sFAILED load", used ? ", " : ""), c->failed++;
#undef ADD
    if (!used) {
        snprintf(out, n, "ok");
        c->ok++;
    }
}

/* A load message without its folder ("/srv/kiosk/current/goals.yaml:12:5: ..." becomes
 * "goals.yaml:12:5: ..."): the table has room for the problem, the details below for all. */
static const char *short_message(const char *m)
{
    const char *colon = strchr(m, ':'), *p = colon;
    if (m[0] != '/' || !colon) return m;
    while (p > m && p[-1] != '/') p--;
    return p;
}

static void cells(const KioskStatus *st, int64_t now, int64_t stale_s, Counts *c,
                  char row[COLS][CELL_BYTES])
{
    char text[STATUS_MESSAGE_BYTES + 64];
    const char *col[COLS];
    char bundle[2 * STATUS_TEXT_BYTES + 2], touch[32], up[32], st_text[160];
    snprintf(bundle, sizeof bundle, "%s %s", st->bundle_id, st->bundle_version);
    if (st->load_ok && st->messages_total)
        snprintf(text, sizeof text, "ok (%d warning%s)", st->messages_total,
                 st->messages_total == 1 ? "" : "s");
    else if (st->load_ok) snprintf(text, sizeof text, "ok");
    else snprintf(text, sizeof text, "FAILED: %s",
                  st->n_messages ? short_message(st->messages[0]) : "?");
    when(touch, sizeof touch, st->last_touch_s);
    when(up, sizeof up, st->started_s);
    state(st, now, stale_s, c, st_text, sizeof st_text);
    col[COL_KIOSK] = st->hostname, col[COL_VERSION] = st->kiosk_version;
    col[COL_BUNDLE] = bundle, col[COL_DISPLAY] = !st->running ? "-" : st->display_on ? "on" : "off";
    col[COL_LOAD] = text, col[COL_TOUCH] = touch;
    col[COL_UP] = st->running ? up : "-", col[COL_STATE] = st_text;
    for (int i = 0; i < COLS; i++) fit(row[i], col[i], WIDTH_MAX[i]);
}

static void print_row(FILE *out, char row[COLS][CELL_BYTES], const int *w)
{
    for (int i = 0; i < COLS; i++) {
        if (i == COLS - 1) fprintf(out, "%s\n", row[i]);
        else fprintf(out, "%s%*s", row[i], w[i] - width(row[i]) + 2, "");
    }
}

/* Below the table: what a failed load said, the files that could not be read, and names
 * given to more than one kiosk (a cloned SD card keeps its host name). */
static void details(FILE *out, const Fleet *f)
{
    for (int i = 0; i < f->n; i++) {
        const KioskStatus *st = &f->e[i].st;
        if (!f->e[i].readable || st->load_ok) continue;
        fprintf(out, "\n%s: the last load FAILED (%d message%s):\n", st->hostname,
                st->messages_total, st->messages_total == 1 ? "" : "s");
        for (int m = 0; m < st->n_messages; m++) fprintf(out, "  %s\n", st->messages[m]);
        if (st->messages_total > st->n_messages)
            fprintf(out, "  ... and %d more (the kiosk's log has them all)\n",
                    st->messages_total - st->n_messages);
    }
    bool first = true;
    for (int i = 0; i < f->n; i++) {
        if (f->e[i].readable) continue;
        fprintf(out, "%s%s: %s\n", first ? "\nNot read:\n" : "", f->e[i].where, f->e[i].why);
        first = false;
    }
    for (int i = 0; i < f->n; i++)
        for (int j = 0; j < i; j++)
            if (f->e[i].readable && f->e[j].readable &&
                strcmp(f->e[i].st.hostname, f->e[j].st.hostname) == 0) {
                fprintf(out, "\nNote: more than one kiosk is called %s (%s, %s); give each its own "
                        "name (hostnamectl set-hostname).\n", f->e[i].st.hostname,
                        f->e[j].where, f->e[i].where);
                j = i; /* once per name */
            }
}

static void summary(FILE *out, const Fleet *f, const Counts *c, int64_t stale_s, int64_t now)
{
    time_t t = (time_t)now;
    struct tm tm;
    char zone[64] = "?";
    if (localtime_r(&t, &tm)) strftime(zone, sizeof zone, "%Z", &tm);
    fprintf(out, "\n%d kiosk%s: %d ok", f->n, f->n == 1 ? "" : "s", c->ok);
    const struct { int n; const char *what; } parts[] = {
        {c->stale, "stale"}, {c->stopped, "stopped"}, {c->failed, "with a failed load"},
        {c->clock, "with a clock ahead"}, {c->unreadable, "not read"}};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i].n) fprintf(out, ", %d %s", parts[i].n, parts[i].what);
    fprintf(out, ".\nSTALE: no status written for more than %lld min (--stale-after MIN). Times "
            "in %s.\n", (long long)(stale_s / 60), zone);
    if (f->dropped)
        fprintf(out, "Only the first %d files were read; %d more were left out.\n",
                FLEET_MAX_KIOSKS, f->dropped);
}

int fleet_report(const char *const *paths, int n, int64_t now, int64_t stale_s, FILE *out)
{
    Fleet f = {calloc(FLEET_MAX_KIOSKS, sizeof(Entry)), 0, 0};
    char (*rows)[COLS][CELL_BYTES] = calloc(FLEET_MAX_KIOSKS + 1, sizeof *rows);
    if (!f.e || !rows) {
        free(f.e);
        free(rows);
        fprintf(stderr, "kiosk: out of memory\n");
        return 1;
    }
    for (int i = 0; i < n; i++) add_path(&f, paths[i]);
    Counts c = {0};
    int w[COLS], shown = 0;
    for (int i = 0; i < COLS; i++) {
        fit(rows[0][i], HEADS[i], WIDTH_MAX[i]);
        w[i] = width(rows[0][i]);
    }
    for (int i = 0; i < f.n; i++) {
        if (!f.e[i].readable) {
            c.unreadable++;
            continue;
        }
        cells(&f.e[i].st, now, stale_s, &c, rows[++shown]);
        for (int k = 0; k < COLS; k++)
            if (width(rows[shown][k]) > w[k]) w[k] = width(rows[shown][k]);
    }
    for (int i = 0; i <= shown; i++) print_row(out, rows[i], w);
    details(out, &f);
    summary(out, &f, &c, stale_s, now);
    bool fine = f.n > 0 && c.ok == f.n && !f.dropped;
    free(rows);
    free(f.e);
    return fine ? 0 : 1;
}

int fleet_run(const char *const *paths, int n, long stale_min)
{
    if (n == 0) {
        fprintf(stderr, "kiosk: --fleet needs one or more folders with status.json files\n");
        return 2;
    }
    int64_t stale_s = stale_min > 0 ? (int64_t)stale_min * 60 : FLEET_DEFAULT_STALE_S;
    int rc = fleet_report(paths, n, (int64_t)time(NULL), stale_s, stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "kiosk: cannot write the report: %s\n", strerror(errno));
        return 1;
    }
    return rc;
}
