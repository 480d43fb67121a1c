/* config.c: reading, checking and updating the local config file.
 *
 * Reading reuses the bundle machinery: ytree gives located nodes (and its limits against
 * hostile files), unknown and repeated keys get the bundle loader's messages with a "did you
 * mean" (schema_suggest(), plus a shared-start match because people write 'rotation' for
 * 'rotate'), and every value below is checked with its own message at its own line. Each setting starts as
 * its default and is replaced only by a value that passed its check, so even a config with
 * errors leaves a usable KioskConfig.
 *
 * Writing the PIN hash is a text edit, not "parse and dump": the file is written by people
 * and keeps their comments, order and spacing. The YAML tree tells which line holds the
 * admin_pin key; only the value's bytes on that line are replaced (or one line is appended).
 * Before anything is written, the new text is parsed again and must hold the new hash and the
 * same other keys, so an unusual layout is refused instead of damaged. The file is replaced by
 * rename() from a fsync'ed temporary file in the same folder, so a power cut leaves either the
 * old file or the new one, never half of one.
 *
 * The PIN itself never appears here, and an admin_pin value that is not a hash is refused
 * without being repeated in the message: it may be somebody's real PIN. */
#include "ops/config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle/schema.h"
#include "bundle/ytree.h"
#include "core/arena.h"
#include "core/fileio.h"
#include "ops/pin.h"

static const SchemaKey CONFIG_KEYS[] = {
    {"bundle", false}, {"admin_pin", false}, {"rotate", false},  {"opening_hours", false},
    {"stats", false},  {"stats_keep_days", false}, {"usb_dir", false}, {"cache_mb", false},
};
static const Schema SCHEMA_CONFIG = {"the kiosk config", CONFIG_KEYS,
                                     sizeof CONFIG_KEYS / sizeof CONFIG_KEYS[0]};

enum { KEYS_MAX = 16 }; /* keys of one mapping: CONFIG_KEYS, HOURS_DAY_NAMES */

static void set_err(char *err, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_err(char *err, size_t n, const char *fmt, ...)
{
    if (!err || n == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
}

void config_free(KioskConfig *c)
{
    if (!c) return;
    free(c->path);
    free(c->bundle);
    free(c->admin_pin);
    free(c->stats);
    free(c->usb_dir);
    memset(c, 0, sizeof *c);
}

static bool set_defaults(KioskConfig *c, const char *path)
{
    *c = (KioskConfig){
        .rotate = 0,
        .stats_keep_days = CONFIG_DEFAULT_STATS_KEEP_DAYS,
        .cache_mb = CONFIG_DEFAULT_CACHE_MB,
    };
    hours_always_open(&c->hours);
    c->path = strdup(path);
    c->stats = strdup(CONFIG_DEFAULT_STATS);
    c->usb_dir = strdup(CONFIG_DEFAULT_USB_DIR);
    return c->path && c->stats && c->usb_dir;
}

/* ---- checking keys ----------------------------------------------------------------------- */

enum { PREFIX_MIN = 3 }; /* a shared start this long (and half the word) suggests a key */

/* The key that `word` most likely means: a near typo (schema_suggest), or else the key with
 * the longest shared start, for other forms of the same word ('rotation', 'rotatoin' ->
 * 'rotate', 'usb' -> 'usb_dir', 'wed' -> 'wednesday'), which an edit distance misses. */
static const char *suggest(const char *word, const char *const *keys, size_t n)
{
    const char *hint = schema_suggest(word, keys, n);
    if (hint) return hint;
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t common = 0;
        while (word[common] && word[common] == keys[i][common]) common++;
        size_t shorter = strlen(word) < strlen(keys[i]) ? strlen(word) : strlen(keys[i]);
        if (common >= PREFIX_MIN && common * 2 >= shorter && common > best) {
            best = common;
            hint = keys[i];
        }
    }
    return hint;
}

/* Unknown keys (with a suggestion) and repeated keys of `map`, each at its own line. Like
 * schema_check(), with the extra suggestions above; the config has no required keys. */
static void check_keys(const Schema *s, const YNode *map, const char *file, Diags *diags)
{
    const char *names[KEYS_MAX];
    size_t n_names = s->n_keys < KEYS_MAX ? s->n_keys : KEYS_MAX;
    char all[CONFIG_ERR_SIZE / 2];
    size_t used = 0;
    all[0] = '\0';
    for (size_t i = 0; i < n_names; i++) {
        names[i] = s->keys[i].name;
        if (used < sizeof all)
            used += (size_t)snprintf(all + used, sizeof all - used, "%s%s", i ? ", " : "",
                                     names[i]);
    }
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const YNode *k = map->kids[i];
        if (k->kind != YNODE_SCALAR) {
            diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                     "a key must be a plain word, not a list or mapping");
            continue;
        }
        bool known = false;
        for (size_t j = 0; j < n_names; j++) known |= strcmp(k->str, names[j]) == 0;
        if (!known) {
            const char *hint = suggest(k->str, names, n_names);
            if (hint)
                diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                         "unknown key '%s' in %s; did you mean '%s'?", k->str, s->what, hint);
            else
                diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                         "unknown key '%s' in %s; the keys allowed here are: %s", k->str,
                         s->what, all);
            continue;
        }
        for (size_t j = 0; j < i; j += 2)
            if (map->kids[j]->kind == YNODE_SCALAR && strcmp(map->kids[j]->str, k->str) == 0) {
                diag_add(diags, DIAG_ERROR, file, k->line, k->col,
                         "'%s' appears twice in %s (first on line %d); keep one", k->str,
                         s->what, map->kids[j]->line);
                break;
            }
    }
}

/* ---- reading values ---------------------------------------------------------------------- */

typedef struct Reader {
    const char *file;
    Diags *diags;
} Reader;

static void error_at(Reader *r, const YNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_at(Reader *r, const YNode *n, const char *fmt, ...)
{
    char msg[CONFIG_ERR_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(r->diags, DIAG_ERROR, r->file, n->line, n->col, "%s", msg);
}

/* A YAML null (nothing after the colon, '~' or 'null') counts as "no value". */
static bool is_empty(const YNode *n)
{
    return n->len == 0 ||
           (n->plain && (strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0));
}

/* The text of a one-line scalar without control characters, or NULL after an error. */
static const char *scalar(Reader *r, const char *key, const YNode *n, const char *expected)
{
    if (n->kind != YNODE_SCALAR) {
        error_at(r, n, "%s must be %s, not a %s", key, expected,
                 n->kind == YNODE_SEQ ? "list" : "mapping");
        return NULL;
    }
    if (is_empty(n)) {
        error_at(r, n, "%s has no value; give %s, or remove the line", key, expected);
        return NULL;
    }
    for (size_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->str[i];
        if (c < 0x20 || c == 0x7F) {
            error_at(r, n, "%s contains a line break or control character; give %s on one "
                     "line", key, expected);
            return NULL;
        }
    }
    return n->str;
}

/* Replaces *slot with a copy of s; false (and a message) when out of memory. */
static bool keep(Reader *r, const YNode *n, char **slot, const char *s)
{
    char *copy = s ? strdup(s) : NULL;
    if (s && !copy) {
        error_at(r, n, "out of memory");
        return false;
    }
    free(*slot);
    *slot = copy;
    return true;
}

static void read_path(Reader *r, const char *key, const YNode *n, const char *what,
                      const char *example, char **slot, bool may_be_off)
{
    const char *s = scalar(r, key, n, what);
    if (!s) return;
    if (may_be_off && strcmp(s, CONFIG_STATS_OFF) == 0) {
        keep(r, n, slot, NULL);
        return;
    }
    if (s[0] != '/') {
        error_at(r, n, "%s must be a full path starting with '/', like %s%s", key, example,
                 may_be_off ? " (or 'off')" : "");
        return;
    }
    if (n->len >= CONFIG_MAX_PATH_BYTES) {
        error_at(r, n, "%s is longer than %d bytes; no path on this system can be", key,
                 CONFIG_MAX_PATH_BYTES - 1);
        return;
    }
    keep(r, n, slot, s);
}

static bool read_int(Reader *r, const char *key, const YNode *n, int min, int max, int *out)
{
    const char *s = scalar(r, key, n, "a whole number");
    if (!s) return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || errno == ERANGE || v < INT_MIN || v > INT_MAX ||
        !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))) {
        error_at(r, n, "%s must be a whole number, not '%.40s'", key, s);
        return false;
    }
    if (v < min || v > max) {
        error_at(r, n, "%s must be a number from %d to %d, not %ld", key, min, max, v);
        return false;
    }
    *out = (int)v;
    return true;
}

static void read_rotate(Reader *r, const YNode *n, int *out)
{
    int v;
    if (!read_int(r, "rotate", n, INT_MIN, INT_MAX, &v)) return;
    if (v != 0 && v != 90 && v != 180 && v != 270) {
        error_at(r, n, "rotate must be 0, 90, 180 or 270 (degrees clockwise), not %d", v);
        return;
    }
    *out = v;
}

static void read_admin_pin(Reader *r, const YNode *n, char **slot)
{
    /* "admin_pin:" with nothing after it, as in a template: no PIN set yet */
    if (n->kind == YNODE_SCALAR && is_empty(n)) return;
    const char *s = scalar(r, "admin_pin", n, "a PIN hash (set it with kiosk --set-pin)");
    if (!s) return;
    if (!pin_is_hash(s)) {
        /* Never quote the value: it may be a real PIN typed in by hand. */
        if (pin_valid(s))
            error_at(r, n, "admin_pin must be a hash, never the PIN itself; set it with kiosk "
                     "--set-pin and remove the PIN from this file");
        else
            error_at(r, n, "admin_pin must be a hash; set it with kiosk --set-pin");
        return;
    }
    keep(r, n, slot, s);
}

static bool is_day_name(const char *s)
{
    for (size_t i = 0; i < HOURS_DAY_NAMES_COUNT; i++)
        if (strcmp(s, HOURS_DAY_NAMES[i]) == 0) return true;
    return false;
}

static void read_hours(Reader *r, const YNode *n, KioskConfig *c)
{
    char msg[HOURS_ERR_SIZE];
    Hours week;
    if (n->kind == YNODE_SCALAR) {
        /* Also accepted: the one-line form "weekdays 07:30-17:30" (or several lines in a block
         * scalar), as hours_parse() reads it. */
        if (is_empty(n)) {
            error_at(r, n, "opening_hours is empty; give the days on the lines below it, "
                     "indented, like '  weekdays: 07:30-17:30', or remove it to keep the kiosk "
                     "always on");
            return;
        }
        if (!hours_parse(n->str, &week, msg, sizeof msg)) {
            error_at(r, n, "opening_hours: %s", msg);
            return;
        }
    } else if (n->kind == YNODE_SEQ) {
        error_at(r, n, "opening_hours must be days with their hours, like 'monday: "
                 "07:30-17:30' on separate lines, not a list");
        return;
    } else {
        SchemaKey keys[KEYS_MAX];
        size_t n_keys = 0;
        for (size_t i = 0; i < HOURS_DAY_NAMES_COUNT && n_keys < KEYS_MAX; i++)
            keys[n_keys++] = (SchemaKey){HOURS_DAY_NAMES[i], false};
        Schema schema = {"'opening_hours'", keys, n_keys};
        size_t errors = r->diags->errors;
        check_keys(&schema, n, r->file, r->diags);
        hours_clear(&week);
        int days = 0;
        for (size_t i = 0; i + 1 < n->n; i += 2) {
            const YNode *k = n->kids[i], *v = n->kids[i + 1];
            if (k->kind != YNODE_SCALAR || !is_day_name(k->str)) continue; /* reported above */
            bool repeated = false;
            for (size_t j = 0; j < i; j += 2)
                if (n->kids[j]->kind == YNODE_SCALAR && strcmp(n->kids[j]->str, k->str) == 0)
                    repeated = true;
            if (repeated) continue; /* reported above */
            if (v->kind != YNODE_SCALAR) {
                error_at(r, v, "the hours for %s must be one line, like \"07:30-12:00, "
                         "13:00-17:30\", not a %s", k->str,
                         v->kind == YNODE_SEQ ? "list" : "mapping");
                continue;
            }
            if (!hours_add(&week, k->str, is_empty(v) ? "" : v->str, msg, sizeof msg)) {
                error_at(r, v, "opening hours for %s: %s", k->str, msg);
                continue;
            }
            days++;
        }
        if (r->diags->errors != errors) return;
        if (days == 0) {
            error_at(r, n, "opening_hours names no days; give them, or remove opening_hours to "
                     "keep the kiosk always on");
            return;
        }
    }
    bool ever_open = false;
    for (int d = 0; d < HOURS_DAYS; d++) ever_open |= week.day[d].n > 0;
    if (!ever_open)
        diag_add(r->diags, DIAG_WARNING, r->file, n->line, n->col,
                 "opening_hours keeps the kiosk closed on every day");
    c->hours = week;
    c->has_hours = true;
}

static void read_config(Reader *r, const YNode *root, KioskConfig *c)
{
    const YNode *v;
    if ((v = ynode_get(root, "bundle")))
        read_path(r, "bundle", v, "the folder of the bundle to show", "/srv/kiosk/current",
                  &c->bundle, false);
    if ((v = ynode_get(root, "admin_pin"))) read_admin_pin(r, v, &c->admin_pin);
    if ((v = ynode_get(root, "rotate"))) read_rotate(r, v, &c->rotate);
    if ((v = ynode_get(root, "opening_hours"))) read_hours(r, v, c);
    if ((v = ynode_get(root, "stats")))
        read_path(r, "stats", v, "the statistics database file, or 'off'", CONFIG_DEFAULT_STATS,
                  &c->stats, true);
    if ((v = ynode_get(root, "stats_keep_days")))
        read_int(r, "stats_keep_days", v, 1, CONFIG_MAX_STATS_KEEP_DAYS, &c->stats_keep_days);
    if ((v = ynode_get(root, "usb_dir")))
        read_path(r, "usb_dir", v, "the folder where USB sticks appear", CONFIG_DEFAULT_USB_DIR,
                  &c->usb_dir, false);
    if ((v = ynode_get(root, "cache_mb")))
        read_int(r, "cache_mb", v, CONFIG_MIN_CACHE_MB, CONFIG_MAX_CACHE_MB, &c->cache_mb);
}

bool config_load(const char *path, KioskConfig *out, Diags *diags)
{
    if (!path) path = CONFIG_DEFAULT_PATH;
    if (!set_defaults(out, path)) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
        return false;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) return true; /* no file: all defaults */
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the config file: %s",
                 strerror(errno));
        return false;
    }
    out->found = true;
    Arena *arena = arena_create();
    if (!arena) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
        return false;
    }
    size_t errors = diags->errors;
    YFile f;
    Reader r = {path, diags};
    if (ytree_load(arena, path, path, diags, &f) && f.root) {
        if (f.root->kind != YNODE_MAP)
            error_at(&r, f.root, "the config must be 'key: value' lines, like 'rotate: 90'");
        else {
            check_keys(&SCHEMA_CONFIG, f.root, path, diags);
            read_config(&r, f.root, out);
        }
    }
    arena_destroy(arena);
    return diags->errors == errors;
}

/* ---- permissions ------------------------------------------------------------------------- */

/* `path` as it can be pasted into a shell. */
static void shell_quoted(const char *path, char *out, size_t size)
{
    bool plain = path[0] != '\0';
    for (const char *p = path; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,=:",
                    *p))
            plain = false;
    if (plain) {
        snprintf(out, size, "%s", path);
        return;
    }
    size_t used = 0;
    if (size < 3) {
        if (size) out[0] = '\0';
        return;
    }
    out[used++] = '\'';
    for (const char *p = path; *p && used + 5 < size; p++) {
        if (*p == '\'') {
            memcpy(out + used, "'\\''", 4);
            used += 4;
        } else {
            out[used++] = *p;
        }
    }
    out[used++] = '\'';
    out[used] = '\0';
}

/* Whether the file mentions an admin_pin (read as YAML; as text if it does not parse). */
static bool holds_admin_pin(const char *path)
{
    Arena *arena = arena_create();
    if (!arena) return true; /* cannot tell: assume the worst */
    Diags d;
    diags_init(&d);
    YFile f;
    bool has;
    if (ytree_load(arena, path, path, &d, &f))
        has = f.root && ynode_get(f.root, "admin_pin") != NULL;
    else
        has = f.text ? strstr(f.text, "admin_pin") != NULL : true;
    diags_free(&d);
    arena_destroy(arena);
    return has;
}

bool config_check_permissions(const char *path, char *warning, size_t n)
{
    if (!path) path = CONFIG_DEFAULT_PATH;
    set_err(warning, n, "%s", "");
    struct stat st;
    if (stat(path, &st) != 0) return true; /* nothing there to protect */
    unsigned mode = (unsigned)st.st_mode & 07777;
    char quoted[CONFIG_MAX_PATH_BYTES + 64];
    shell_quoted(path, quoted, sizeof quoted);
    if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        set_err(warning, n, "%s can be changed by other users (mode %04o); run: chmod 600 %s",
                path, mode, quoted);
        return false;
    }
    if ((st.st_mode & (S_IRGRP | S_IROTH)) && holds_admin_pin(path)) {
        set_err(warning, n, "%s can be read by other users (mode %04o); run: chmod 600 %s",
                path, mode, quoted);
        return false;
    }
    return true;
}

/* ---- writing the PIN hash ---------------------------------------------------------------- */

/* Byte offset of 1-based (line, col), where col counts characters as ytree does. */
static size_t offset_of(const char *text, size_t len, int line, int col)
{
    size_t i = 0;
    for (int l = 1; l < line && i < len; i++)
        if (text[i] == '\n') l++;
    for (int c = 1; c < col && i < len; i++)
        if (((unsigned char)text[i + 1] & 0xC0) != 0x80) c++;
    return i;
}

/* Where the scalar starting at text[at] ends on its line (quoted or plain), or SIZE_MAX when
 * it does not end on that line. */
static size_t scalar_end(const char *text, size_t len, size_t at)
{
    size_t i = at;
    if (text[i] == '"') {
        for (i++; i < len && text[i] != '\n'; i++) {
            if (text[i] == '\\') i++;
            else if (text[i] == '"') return i + 1;
        }
        return SIZE_MAX;
    }
    if (text[i] == '\'') {
        for (i++; i < len && text[i] != '\n'; i++) {
            if (text[i] == '\'' && i + 1 < len && text[i + 1] == '\'') i++;
            else if (text[i] == '\'') return i + 1;
        }
        return SIZE_MAX;
    }
    /* plain: up to a comment (" #") or the end of the line, without trailing spaces */
    while (i < len && text[i] != '\n' && text[i] != '\r' &&
           !(text[i] == '#' && i > at && (text[i - 1] == ' ' || text[i - 1] == '\t')))
        i++;
    while (i > at && (text[i - 1] == ' ' || text[i - 1] == '\t')) i--;
    return i;
}

typedef struct Text {
    char *s;
    size_t len;
} Text;

/* new = text[0..a) + mid + text[b..len) */
static bool splice(const char *text, size_t len, size_t a, size_t b, const char *mid, Text *out)
{
    size_t m = strlen(mid);
    out->len = a + m + (len - b);
    out->s = malloc(out->len + 1);
    if (!out->s) return false;
    memcpy(out->s, text, a);
    memcpy(out->s + a, mid, m);
    memcpy(out->s + a + m, text + b, len - b);
    out->s[out->len] = '\0';
    return true;
}

static size_t pairs_of(const YNode *root)
{
    return root && root->kind == YNODE_MAP ? root->n / 2 : 0;
}

/* The first problem in d, as it would be printed. */
static const char *first_problem(const Diags *d, char *buf, size_t size)
{
    if (d->count == 0) return "unknown problem";
    return diag_format(&d->items[0], buf, size);
}

/* Computes the new file text with `hash` as admin_pin. */
static bool edit_text(Arena *arena, const char *shown, const char *text, size_t len,
                      const char *hash, Text *out, char *err, size_t n)
{
    Diags d;
    diags_init(&d);
    bool ok = false;
    char buf[CONFIG_ERR_SIZE];
    YFile f;
    if (!ytree_parse(arena, text, len, shown, &d, &f)) {
        set_err(err, n, "the config file has a YAML error; fix it first: %s",
                first_problem(&d, buf, sizeof buf));
        goto done;
    }
    if (f.root && f.root->kind != YNODE_MAP) {
        set_err(err, n, "%s is not made of 'key: value' lines; fix it first", shown);
        goto done;
    }
    const YNode *key = NULL, *value = NULL;
    for (size_t i = 0; f.root && i + 1 < f.root->n; i += 2) {
        const YNode *k = f.root->kids[i];
        if (k->kind != YNODE_SCALAR || strcmp(k->str, "admin_pin") != 0) continue;
        if (key) {
            set_err(err, n, "admin_pin appears twice in %s (lines %d and %d); remove one first",
                    shown, key->line, k->line);
            goto done;
        }
        key = k;
        value = f.root->kids[i + 1];
    }
    char quoted[PIN_HASH_SIZE + 3];
    snprintf(quoted, sizeof quoted, "\"%s\"", hash);
    if (!key) {
        /* Append, in the file's own line ending, after a last line that may lack one. */
        const char *nl = memchr(text, '\n', len);
        const char *eol = nl && nl > text && nl[-1] == '\r' ? "\r\n" : "\n";
        char line[PIN_HASH_SIZE + 32];
        snprintf(line, sizeof line, "%sadmin_pin: %s%s",
                 len && text[len - 1] != '\n' ? eol : "", quoted, eol);
        ok = splice(text, len, len, len, line, out);
    } else if (value->kind == YNODE_SCALAR && !value->block && value->len == 0 && value->plain) {
        /* "admin_pin:" with nothing after it: insert after the colon, keep any comment. */
        size_t at = offset_of(text, len, key->line, key->col);
        size_t colon = at + strlen("admin_pin");
        if (colon >= len || text[colon] != ':') {
            set_err(err, n, "the admin_pin line of %s has an unusual form; write the line "
                    "admin_pin: %s by hand", shown, quoted);
            goto done;
        }
        char mid[PIN_HASH_SIZE + 8];
        snprintf(mid, sizeof mid, " %s", quoted);
        ok = splice(text, len, colon + 1, colon + 1, mid, out);
    } else if (value->kind == YNODE_SCALAR && !value->block && value->line == key->line) {
        size_t at = offset_of(text, len, value->line, value->col);
        size_t end = at < len ? scalar_end(text, len, at) : SIZE_MAX;
        if (end == SIZE_MAX) {
            set_err(err, n, "the admin_pin value in %s runs over several lines; put it on one "
                    "line (or delete it) and try again", shown);
            goto done;
        }
        ok = splice(text, len, at, end, quoted, out);
    } else {
        set_err(err, n, "the admin_pin value in %s is not on the admin_pin line itself; put it "
                "there (or delete it) and try again", shown);
        goto done;
    }
    if (!ok) {
        set_err(err, n, "out of memory");
        goto done;
    }

    /* The edit must read back as the same settings plus the new hash. */
    YFile g;
    diags_free(&d);
    diags_init(&d);
    const YNode *got = NULL;
    ok = ytree_parse(arena, out->s, out->len, shown, &d, &g) && g.root &&
         (got = ynode_get(g.root, "admin_pin")) && got->kind == YNODE_SCALAR &&
         strcmp(got->str, hash) == 0 && pairs_of(g.root) == pairs_of(f.root) + (key ? 0 : 1);
    if (!ok) {
        set_err(err, n, "could not place admin_pin safely in %s (its layout is unusual); add "
                "the line admin_pin: %s by hand", shown, quoted);
        free(out->s);
        out->s = NULL;
    }
done:
    diags_free(&d);
    return ok;
}

/* mkdir -p for the folders above `file`. */
static bool make_parents(const char *file, char *err, size_t n)
{
    char dir[CONFIG_MAX_PATH_BYTES];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) return true;
    *slash = '\0';
    for (char *p = dir + 1;; p++) {
        bool last = *p == '\0';
        if (*p == '/' || last) {
            char saved = *p;
            *p = '\0';
            struct stat st;
            if (stat(dir, &st) != 0 && mkdir(dir, 0755) != 0 && errno != EEXIST) {
                set_err(err, n, "cannot create the folder %s: %s", dir, strerror(errno));
                return false;
            }
            *p = saved;
        }
        if (last) return true;
    }
}

static bool write_all(int fd, const char *s, size_t len)
{
    while (len) {
        ssize_t w = write(fd, s, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        s += w;
        len -= (size_t)w;
    }
    return true;
}

bool config_set_pin_hash(const char *path, const char *hash, char *err, size_t n)
{
    set_err(err, n, "%s", "");
    if (!path) path = CONFIG_DEFAULT_PATH;
    if (!pin_is_hash(hash)) {
        set_err(err, n, "not a PIN hash; make one with pin_hash()");
        return false;
    }
    if (strlen(path) >= CONFIG_MAX_PATH_BYTES) {
        set_err(err, n, "the path of the config file is too long");
        return false;
    }

    bool ok = false;
    char *text = NULL, *resolved = NULL;
    Text edited = {0};
    Arena *arena = NULL;
    char tmp[CONFIG_MAX_PATH_BYTES + 32] = "";
    int fd = -1, dir_fd = -1;

    /* Edit the file a symbolic link points to, so the link stays in place. */
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        resolved = realpath(path, NULL);
        if (!resolved) {
            set_err(err, n, "%s is a symbolic link that leads nowhere: %s", path,
                    strerror(errno));
            goto cleanup;
        }
        path = resolved;
    }

    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (!exists && errno != ENOENT) {
        set_err(err, n, "cannot look at %s: %s", path, strerror(errno));
        goto cleanup;
    }
    size_t len = 0;
    if (exists) {
        if (!S_ISREG(st.st_mode)) {
            set_err(err, n, "%s is not a regular file", path);
            goto cleanup;
        }
        if (st.st_size > YTREE_MAX_FILE_BYTES) {
            set_err(err, n, "%s is too large to be a config file", path);
            goto cleanup;
        }
        FILE *in;
        FileioStatus fs = fileio_open(path, &in, &st); /* it may have changed since stat() */
        if (fs == FILEIO_NOT_REGULAR) {
            set_err(err, n, "%s is not a regular file", path);
            goto cleanup;
        }
        if (fs != FILEIO_OK) {
            set_err(err, n, "cannot read %s: %s", path, strerror(errno));
            goto cleanup;
        }
        if (st.st_size > YTREE_MAX_FILE_BYTES) {
            fclose(in);
            set_err(err, n, "%s is too large to be a config file", path);
            goto cleanup;
        }
        text = malloc((size_t)st.st_size + 1);
        len = text ? fread(text, 1, (size_t)st.st_size, in) : 0;
        bool complete = text && len == (size_t)st.st_size && !ferror(in);
        fclose(in);
        if (!complete) {
            set_err(err, n, "could not read all of %s", path);
            goto cleanup;
        }
        text[len] = '\0';
    } else if (!make_parents(path, err, n)) {
        goto cleanup;
    }

    arena = arena_create();
    if (!arena) {
        set_err(err, n, "out of memory");
        goto cleanup;
    }
    if (!edit_text(arena, path, text ? text : "", len, hash, &edited, err, n)) goto cleanup;

    /* A hidden temporary next to the file: rename() is atomic only within one file system. */
    char dir[CONFIG_MAX_PATH_BYTES];
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, slash ? slash + 1 : path);
    fd = mkstemp(tmp); /* created with mode 0600 */
    if (fd < 0) {
        set_err(err, n, "cannot create a temporary file next to %s: %s", path, strerror(errno));
        tmp[0] = '\0';
        goto cleanup;
    }
    if (!write_all(fd, edited.s, edited.len)) {
        set_err(err, n, "cannot write %s: %s", tmp, strerror(errno));
        goto cleanup;
    }
    if (fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        set_err(err, n, "cannot set the mode of %s: %s", tmp, strerror(errno));
        goto cleanup;
    }
    /* Keep the owner, or the kiosk (running as its own user) could no longer read its config
     * after root ran --set-pin. */
    if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()) &&
        fchown(fd, st.st_uid, st.st_gid) != 0) {
        set_err(err, n, "cannot give the new %s its owner back (%s); run this as that user or "
                "as root", path, strerror(errno));
        goto cleanup;
    }
    if (fsync(fd) != 0) {
        set_err(err, n, "cannot save %s to disk: %s", tmp, strerror(errno));
        goto cleanup;
    }
    if (close(fd) != 0) {
        fd = -1;
        set_err(err, n, "cannot write %s: %s", tmp, strerror(errno));
        goto cleanup;
    }
    fd = -1;
    if (rename(tmp, path) != 0) {
        set_err(err, n, "cannot replace %s: %s", path, strerror(errno));
        goto cleanup;
    }
    tmp[0] = '\0';
    /* The rename itself is on disk only once the folder is synced. */
    dir_fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dir_fd >= 0) fsync(dir_fd);
    ok = true;

cleanup:
    if (fd >= 0) close(fd);
    if (dir_fd >= 0) close(dir_fd);
    if (tmp[0]) unlink(tmp);
    free(edited.s);
    arena_destroy(arena);
    free(text);
    free(resolved);
    return ok;
}
