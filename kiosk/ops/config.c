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
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util.h"
#include "bundle/schema.h"
#include "bundle/ytree.h"
#include "core/fileio.h"
#include "core/arena.h"
#include "ops/pin.h"

static const SchemaKey CONFIG_KEYS[] = {
    {"bundle", false}, {"admin_pin", false}, {"rotate", false},  {"opening_hours", false},
    {"stats", false},  {"stats_keep_days", false}, {"usb_dir", false}, {"cache_mb", false},
    {"here", false},   {"status_dir", false}, {"prometheus_textfile", false},
    {"display_power", false}, {"bundles_by_date", false},
};
static const Schema SCHEMA_CONFIG = {"the kiosk config", CONFIG_KEYS,
                                     sizeof CONFIG_KEYS / sizeof CONFIG_KEYS[0]};

enum { KEYS_MAX = 16 }; /* keys of one mapping: CONFIG_KEYS, HOURS_DAY_NAMES */

void config_free(KioskConfig *c)
{
    if (!c) return;
    free(c->path);
    free(c->bundle);
    free(c->admin_pin);
    free(c->stats);
    free(c->usb_dir);
    free(c->here);
    free(c->status_dir);
    free(c->prometheus_textfile);
    config_free_dated(c);
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
    c->status_dir = strdup(CONFIG_DEFAULT_STATUS_DIR);
    return c->path && c->stats && c->usb_dir && c->status_dir;
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
        schema_check_suggest(&schema, n, r->file, r->diags, suggest);
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

/* Only the form of the id is checked here: which regions exist is the bundle's business, and
 * the bundle may change while the settings stay (supervisor_here_check warns then). */
static void read_here(Reader *r, const YNode *n, char **slot)
{
    const char *s = scalar(r, "here", n, "the id of a region on the bundle's map, e.g. noord");
    if (!s) return;
    if (!text_is_id(s, n->len, CONFIG_MAX_ID_BYTES)) {
        error_at(r, n, "here must be the id of a region on the map (lowercase letters, digits "
                 "and '-', e.g. noord), not '%.40s'", s);
        return;
    }
    keep(r, n, slot, s);
}

static const char *const DISPLAY_POWER_NAMES[] = {
    [DISPLAY_POWER_DPMS] = "dpms", [DISPLAY_POWER_CEC] = "cec", [DISPLAY_POWER_BLACK] = "black"};

const char *config_display_power_name(DisplayPower p)
{
    return (unsigned)p < sizeof DISPLAY_POWER_NAMES / sizeof DISPLAY_POWER_NAMES[0]
               ? DISPLAY_POWER_NAMES[p] : "?";
}

static void read_display_power(Reader *r, const YNode *n, DisplayPower *out)
{
    const char *s = scalar(r, "display_power", n, "dpms, cec or black");
    if (!s) return;
    for (size_t i = 0; i < sizeof DISPLAY_POWER_NAMES / sizeof DISPLAY_POWER_NAMES[0]; i++)
        if (strcmp(s, DISPLAY_POWER_NAMES[i]) == 0) {
            *out = (DisplayPower)i;
            return;
        }
    error_at(r, n, "display_power must be dpms (switch the display off), cec (send an HDMI TV "
             "to standby) or black (only draw it black), not '%.40s'", s);
}

/* node_exporter's textfile collector reads only files named *.prom. */
static void read_textfile(Reader *r, const YNode *n, char **slot)
{
    read_path(r, "prometheus_textfile", n, "the .prom file for node_exporter, or 'off'",
              "/var/lib/prometheus/node-exporter/kiosk.prom", slot, true);
    const char *s = *slot;
    size_t len = s ? strlen(s) : 0;
    if (s && (len <= strlen(".prom") || strcmp(s + len - strlen(".prom"), ".prom") != 0 ||
              s[len - strlen(".prom") - 1] == '/')) {
        error_at(r, n, "prometheus_textfile must be a file name ending in .prom (node_exporter "
                 "reads no other), like /var/lib/prometheus/node-exporter/kiosk.prom");
        keep(r, n, slot, NULL);
    }
}

/* Without a status_dir of its own the status goes beside the statistics (one folder to carry
 * back), and nowhere when they are off. */
static void status_beside_stats(Reader *r, const YNode *root, KioskConfig *c)
{
    char dir[CONFIG_MAX_PATH_BYTES];
    if (c->stats) path_dir(c->stats, dir, sizeof dir);
    keep(r, root, &c->status_dir, c->stats ? dir : NULL);
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
    if ((v = ynode_get(root, "here"))) read_here(r, v, &c->here);
    if ((v = ynode_get(root, "display_power"))) read_display_power(r, v, &c->display_power);
    if ((v = ynode_get(root, "bundles_by_date"))) config_read_dated(v, r->file, r->diags, c);
    if ((v = ynode_get(root, "status_dir")))
        read_path(r, "status_dir", v, "the folder for status.json, or 'off'",
                  CONFIG_DEFAULT_STATUS_DIR, &c->status_dir, true);
    else status_beside_stats(r, root, c);
    if ((v = ynode_get(root, "prometheus_textfile")))
        read_textfile(r, v, &c->prometheus_textfile);
}

/* A file that is not a settings file at all (a symbolic link to /etc/shadow, a binary, another
 * program's config) must not come back line by line as "unknown key" messages, nor get an
 * admin_pin line appended by --set-pin: it is refused once, with counts only. The rule: it is
 * not 'key: value' lines; or none of its keys is a setting or a near typo of one; or it has
 * more unknown keys than there are settings, which no number of typos in a real settings
 * file can give. */
bool config_is_settings_tree(const YNode *root, const YNode **at, char *why, size_t n)
{
    enum { N_KEYS = sizeof CONFIG_KEYS / sizeof CONFIG_KEYS[0] };
    *at = root;
    if (root->kind != YNODE_MAP) {
        err_set(why, n, "it is not 'key: value' lines, like 'rotate: 90'");
        return false;
    }
    const char *names[N_KEYS];
    for (size_t i = 0; i < N_KEYS; i++) names[i] = CONFIG_KEYS[i].name;
    size_t keys = 0, unknown = 0, plausible = 0;
    for (size_t i = 0; i + 1 < root->n; i += 2, keys++) {
        const YNode *k = root->kids[i];
        bool scalar = k->kind == YNODE_SCALAR, known = false;
        for (size_t j = 0; scalar && j < N_KEYS; j++) known |= strcmp(k->str, names[j]) == 0;
        if (known || (scalar && suggest(k->str, names, N_KEYS))) plausible++;
        if (known) continue;
        if (unknown++ == 0) *at = k;
    }
    if (keys > 0 && plausible == 0) {
        err_set(why, n, "none of its %zu key%s is a kiosk setting", keys, keys == 1 ? "" : "s");
        return false;
    }
    if (unknown > N_KEYS) {
        err_set(why, n, "%zu of its %zu keys are not kiosk settings; there are only %d settings",
                unknown, keys, (int)N_KEYS);
        return false;
    }
    return true;
}

static bool is_settings_file(Reader *r, const YNode *root)
{
    const YNode *at;
    char why[256];
    if (config_is_settings_tree(root, &at, why, sizeof why)) return true;
    error_at(r, at, "not a settings file (%s); no setting is read from it", why);
    return false;
}

/* Whether the file can be opened, with a clear error when not: a kiosk running as its own
 * user with a config only root may read silently lost its PIN and hours before. */
static bool readable(const char *path, Diags *diags)
{
    FILE *f;
    struct stat st;
    FileioStatus fs = fileio_open(path, &f, &st);
    if (fs == FILEIO_OK) {
        fclose(f);
        return true;
    }
    if (fs == FILEIO_NOT_REGULAR) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "not a settings file (it is %s)",
                 fileio_kind(st.st_mode));
        return false;
    }
    int e = errno;
    const struct passwd *pw = getpwuid(geteuid());
    diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the settings file: %s (the kiosk runs "
             "as user %s)", strerror(e), pw ? pw->pw_name : "?");
    return false;
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
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the settings file: %s",
                 strerror(errno));
        out->ignored = true;
        return false;
    }
    out->found = true;
    if (!readable(path, diags)) {
        out->ignored = true;
        return false;
    }
    Arena *arena = arena_create();
    if (!arena) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
        return false;
    }
    size_t errors = diags->errors;
    YFile f;
    Reader r = {path, diags};
    if (!ytree_load(arena, path, path, diags, &f)) out->ignored = true;
    else if (f.root && !is_settings_file(&r, f.root)) out->ignored = true;
    else if (f.root) {
        schema_check_suggest(&SCHEMA_CONFIG, f.root, path, diags, suggest);
        read_config(&r, f.root, out);
    }
    arena_destroy(arena);
    return diags->errors == errors;
}
