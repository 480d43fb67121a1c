/* config_write.c: the settings file from the outside: who may read it, and writing the
 * admin PIN's hash into it without touching any other byte.
 *
 * Who may read it: the owner, and the service's own group (CONFIG_SERVICE_GROUP, which the
 * package makes for the user the unit runs as), nobody else. So root, with that group on the
 * system, writes root:kiosk 0640; anyone else keeps the file's owner and group and never
 * lets others read it.
 *
 * The file is edited as text, not re-serialised from the YAML tree: comments, order and
 * spacing are the organiser's. The new file is written next to the old one and renamed over
 * it, so a power cut leaves either the old or the new file, never half of one. */
#include "ops/config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util.h"
#include "bundle/schema.h"
#include "bundle/ytree.h"
#include "core/arena.h"
#include "core/fileio.h"
#include "ops/pin.h"

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

/* The id of `group`, when the system has it. */
static bool group_id(const char *group, gid_t *gid)
{
    const struct group *g = group ? getgrnam(group) : NULL;
    if (g) *gid = g->gr_gid;
    return g != NULL;
}

bool config_check_permissions_for(const char *path, const char *group, char *warning, size_t n)
{
    if (!path) path = CONFIG_DEFAULT_PATH;
    err_set(warning, n, "%s", "");
    struct stat st;
    if (stat(path, &st) != 0) return true; /* nothing there to protect */
    unsigned mode = (unsigned)st.st_mode & 07777;
    char quoted[CONFIG_MAX_PATH_BYTES + 64], fix[2 * sizeof quoted + 64];
    shell_quoted(path, quoted, sizeof quoted);
    gid_t service;
    bool has_service = group_id(group, &service);
    /* The fix that keeps the service able to read the file. */
    if (has_service)
        snprintf(fix, sizeof fix, "chown root:%s %s && chmod 640 %s", group, quoted, quoted);
    else
        snprintf(fix, sizeof fix, "chmod 600 %s", quoted);
    if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        err_set(warning, n, "%s can be changed by other users (mode %04o); run: %s", path, mode,
                fix);
        return false;
    }
    bool group_reads = (st.st_mode & S_IRGRP) && !(has_service && st.st_gid == service);
    if ((group_reads || (st.st_mode & S_IROTH)) && holds_admin_pin(path)) {
        err_set(warning, n, "%s can be read by other users (mode %04o); run: %s", path, mode,
                fix);
        return false;
    }
    return true;
}

bool config_check_permissions(const char *path, char *warning, size_t n)
{
    return config_check_permissions_for(path, CONFIG_SERVICE_GROUP, warning, n);
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
/* The edit must read back as the same settings plus the new hash: `pairs` key-value pairs. */
static bool reads_back(Arena *arena, const char *shown, const Text *edited, const char *hash,
                       size_t pairs)
{
    Diags d;
    diags_init(&d);
    YFile g;
    const YNode *got = NULL;
    bool ok = ytree_parse(arena, edited->s, edited->len, shown, &d, &g) && g.root &&
              (got = ynode_get(g.root, "admin_pin")) && got->kind == YNODE_SCALAR &&
              strcmp(got->str, hash) == 0 && pairs_of(g.root) == pairs;
    diags_free(&d);
    return ok;
}

/* Never append a PIN hash to /etc/shadow because --config pointed at it. */
static bool not_settings(const YNode *root, const char *shown, char *err, size_t n)
{
    const YNode *where;
    char why[256];
    if (!root || config_is_settings_tree(root, &where, why, sizeof why)) return false;
    err_set(err, n, "%s:%d:%d: not a settings file (%s); it was not changed", shown, where->line,
            where->col, why);
    return true;
}

static bool edit_text(Arena *arena, const char *shown, const char *text, size_t len,
                      const char *hash, Text *out, char *err, size_t n)
{
    Diags d;
    diags_init(&d);
    bool ok = false;
    char buf[CONFIG_ERR_SIZE];
    YFile f;
    if (!ytree_parse(arena, text, len, shown, &d, &f)) {
        err_set(err, n, "the config file has a YAML error; fix it first: %s",
                first_problem(&d, buf, sizeof buf));
        goto done;
    }
    if (not_settings(f.root, shown, err, n)) goto done;
    const YNode *key = NULL, *value = NULL;
    for (size_t i = 0; f.root && i + 1 < f.root->n; i += 2) {
        const YNode *k = f.root->kids[i];
        if (k->kind != YNODE_SCALAR || strcmp(k->str, "admin_pin") != 0) continue;
        if (key) {
            err_set(err, n, "admin_pin appears twice in %s (lines %d and %d); remove one first",
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
            err_set(err, n, "the admin_pin line of %s has an unusual form; write the line "
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
            err_set(err, n, "the admin_pin value in %s runs over several lines; put it on one "
                    "line (or delete it) and try again", shown);
            goto done;
        }
        ok = splice(text, len, at, end, quoted, out);
    } else {
        err_set(err, n, "the admin_pin value in %s is not on the admin_pin line itself; put it "
                "there (or delete it) and try again", shown);
        goto done;
    }
    if (!ok) {
        err_set(err, n, "out of memory");
        goto done;
    }

    ok = reads_back(arena, shown, out, hash, pairs_of(f.root) + (key ? 0 : 1));
    if (!ok) {
        err_set(err, n, "could not place admin_pin safely in %s (its layout is unusual); add "
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
                err_set(err, n, "cannot create the folder %s: %s", dir, strerror(errno));
                return false;
            }
            *p = saved;
        }
        if (last) return true;
    }
}

/* Reads the config at `path` into *text (malloc'ed, NUL-terminated; NULL when the file does
 * not exist yet, whose folders are then made). False with a reason in err. */
static bool read_current(const char *path, struct stat *st, bool *exists, char **text,
                         size_t *len, char *err, size_t n)
{
    *exists = stat(path, st) == 0;
    if (!*exists && errno != ENOENT) {
        err_set(err, n, "cannot look at %s: %s", path, strerror(errno));
        return false;
    }
    if (!*exists) return make_parents(path, err, n);
    if (!S_ISREG(st->st_mode)) {
        err_set(err, n, "%s is not a regular file", path);
        return false;
    }
    if (st->st_size > YTREE_MAX_FILE_BYTES) {
        err_set(err, n, "%s is too large to be a config file", path);
        return false;
    }
    FILE *in;
    FileioStatus fs = fileio_open(path, &in, st); /* it may have changed since stat() */
    if (fs == FILEIO_NOT_REGULAR) {
        err_set(err, n, "%s is not a regular file", path);
        return false;
    }
    if (fs != FILEIO_OK) {
        err_set(err, n, "cannot read %s: %s", path, strerror(errno));
        return false;
    }
    if (st->st_size > YTREE_MAX_FILE_BYTES) {
        fclose(in);
        err_set(err, n, "%s is too large to be a config file", path);
        return false;
    }
    *text = malloc((size_t)st->st_size + 1);
    *len = *text ? fread(*text, 1, (size_t)st->st_size, in) : 0;
    bool complete = *text && *len == (size_t)st->st_size && !ferror(in);
    fclose(in);
    if (!complete) {
        err_set(err, n, "could not read all of %s", path);
        return false;
    }
    (*text)[*len] = '\0';
    return true;
}

/* Who owns the new file and who may read it (see the top of this file). */
static FileioOwner new_owner(const struct stat *old, const char *group)
{
    gid_t service;
    bool has_service = group_id(group, &service);
    if (geteuid() == 0 && has_service) return (FileioOwner){0, service, 0640};
    if (!old) return (FileioOwner){geteuid(), getegid(), 0600};
    /* Keep the owner, or the kiosk (running as its own user) could no longer read its config
     * after root ran --set-pin; keep the service group's read access, drop everyone else's. */
    bool group_reads = has_service && old->st_gid == service && (old->st_mode & S_IRGRP);
    return (FileioOwner){old->st_uid, old->st_gid, group_reads ? 0640 : 0600};
}

bool config_set_pin_hash(const char *path, const char *hash, char *err, size_t n)
{
    return config_set_pin_hash_for(path, hash, CONFIG_SERVICE_GROUP, err, n);
}

bool config_set_pin_hash_for(const char *path, const char *hash, const char *group, char *err,
                             size_t n)
{
    err_set(err, n, "%s", "");
    if (!path) path = CONFIG_DEFAULT_PATH;
    if (!pin_is_hash(hash)) {
        err_set(err, n, "not a PIN hash; make one with pin_hash()");
        return false;
    }
    if (strlen(path) >= CONFIG_MAX_PATH_BYTES) {
        err_set(err, n, "the path of the config file is too long");
        return false;
    }
    bool ok = false;
    char *text = NULL, *resolved = NULL;
    Text edited = {0};
    Arena *arena = NULL;
    /* Edit the file a symbolic link points to, so the link stays in place. */
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        resolved = realpath(path, NULL);
        if (!resolved) {
            err_set(err, n, "%s is a symbolic link that leads nowhere: %s", path, strerror(errno));
            goto cleanup;
        }
        path = resolved;
    }
    bool exists;
    size_t len = 0;
    if (!read_current(path, &st, &exists, &text, &len, err, n)) goto cleanup;
    arena = arena_create();
    if (!arena) {
        err_set(err, n, "out of memory");
        goto cleanup;
    }
    if (!edit_text(arena, path, text ? text : "", len, hash, &edited, err, n)) goto cleanup;
    FileioOwner owner = new_owner(exists ? &st : NULL, group);
    ok = fileio_replace(path, edited.s, edited.len, &owner, err, n);
cleanup:
    free(edited.s);
    arena_destroy(arena);
    free(text);
    free(resolved);
    return ok;
}
