/* status.c: see status.h.
 *
 * JSON goes both ways through Jansson (Debian's libjansson), not by hand: its writer escapes
 * every string, and its reader is a real parser with line and column in its messages, a depth
 * limit of its own, and duplicate keys refused. What it reads is then checked field by field
 * against the one format written here, with a message naming the field and what it should
 * be. Text fields are cleaned once, where they enter a KioskStatus (status_text), so neither
 * writer has to trust them. The Prometheus text is plain printf: a fixed set of metrics whose
 * only variable text is in label values, escaped as the exposition format says (backslash,
 * double quote, line feed). */
#include "ops/status.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "core/util.h"

/* A Unix time past the year 4000 is not a time a kiosk wrote. */
static const json_int_t TIME_MAX_S = 1LL << 36;

/* One character of `s` as it may be shown: invalid UTF-8 as U+FFFD, control characters (C0,
 * DEL, C1: a terminal would act on them) as a space. Returns its length in `out`. */
static size_t clean_char(const unsigned char *s, size_t avail, size_t *used, char out[4])
{
    long cp = utf8_decode(s, avail, used);
    if (cp < 0) {
        memcpy(out, "\xEF\xBF\xBD", 3);
        return 3;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
        out[0] = ' ';
        return 1;
    }
    memcpy(out, s, *used);
    return *used;
}

/* status_text of the `len` bytes at `src`. */
static void clean_copy(char *dst, size_t size, const char *src, size_t len)
{
    if (!size) return;
    size_t used = 0, cut = 0;
    bool cut_needed = false;
    for (size_t i = 0; i < len;) {
        char c[4];
        size_t took, bn = clean_char((const unsigned char *)src + i, len - i, &took, c);
        if (used + bn > size - 1) {
            cut_needed = true;
            break;
        }
        memcpy(dst + used, c, bn);
        used += bn;
        if (used + 3 <= size - 1) cut = used; /* room for "..." after this character */
        i += took;
    }
    if (cut_needed && size >= 4) {
        memcpy(dst + cut, "...", 3);
        used = cut + 3;
    }
    dst[used] = '\0';
}

void status_text(char *dst, size_t size, const char *src)
{
    clean_copy(dst, size, src ? src : "", src ? strlen(src) : 0);
}

void status_set_messages(KioskStatus *st, const char *report)
{
    st->n_messages = st->messages_total = 0;
    for (const char *p = report ? report : ""; *p;) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        size_t blank = strspn(p, " \t\r");
        if (blank < len) {
            if (st->n_messages < STATUS_MAX_MESSAGES)
                clean_copy(st->messages[st->n_messages++], STATUS_MESSAGE_BYTES, p, len);
            st->messages_total++;
        }
        p += len + (end ? 1 : 0);
    }
}

/* ---- JSON out ---------------------------------------------------------------------------- */

bool status_format_json(const KioskStatus *st, char *out, size_t size, char *err, size_t n)
{
    json_t *messages = json_array();
    for (int i = 0; messages && i < st->n_messages && i < STATUS_MAX_MESSAGES; i++)
        json_array_append_new(messages, json_string(st->messages[i]));
    json_t *root = json_pack(
        "{s:s, s:s, s:s, s:b, s:I, s:I, s:I, s:o, s:b, s:{s:s, s:s}, s:{s:b, s:i, s:o}}",
        "format", STATUS_FORMAT, "hostname", st->hostname, "kiosk_version", st->kiosk_version,
        "running", st->running, "written", (json_int_t)st->written_s,
        "started", (json_int_t)st->started_s,
        "uptime_seconds", (json_int_t)(st->written_s - st->started_s),
        "last_touch", st->last_touch_s ? json_integer(st->last_touch_s) : json_null(),
        "display_on", st->display_on,
        "bundle", "id", st->bundle_id, "version", st->bundle_version,
        "load", "ok", st->load_ok, "messages_total", st->messages_total, "messages",
        messages);
    /* json_pack takes `messages` (the o's) even when it fails. */
    size_t need = root ? json_dumpb(root, out, size, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : 0;
    json_decref(root);
    if (!root) {
        err_set(err, n, "cannot make the status JSON (out of memory, or a text that is not "
                "UTF-8)");
        return false;
    }
    if (need == 0 || need + 2 > size) {
        err_set(err, n, "the status JSON does not fit in %zu bytes", size);
        return false;
    }
    out[need] = '\n';
    out[need + 1] = '\0';
    return true;
}

/* ---- Prometheus out ---------------------------------------------------------------------- */

typedef struct Out {
    char *s;
    size_t size, used;
    bool full;
} Out;

static void put(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Out *o, const char *fmt, ...)
{
    if (o->full) return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(o->s + o->used, o->size - o->used, fmt, ap);
    va_end(ap);
    if (w < 0 || (size_t)w >= o->size - o->used) o->full = true;
    else o->used += (size_t)w;
}

/* A label value: \ " and line feed escaped, as the exposition format requires. */
static void put_label(Out *o, const char *v)
{
    for (; *v && !o->full; v++) {
        if (*v == '\\') put(o, "\\\\");
        else if (*v == '"') put(o, "\\\"");
        else if (*v == '\n') put(o, "\\n");
        else put(o, "%c", *v);
    }
}

static void metric(Out *o, const char *name, const char *help, long long value)
{
    put(o, "# HELP %s %s\n# TYPE %s gauge\n%s %lld\n", name, help, name, name, value);
}

bool status_format_prometheus(const KioskStatus *st, char *out, size_t size)
{
    Out o = {out, size, 0, size == 0};
    metric(&o, "kiosk_up", "1 while the kiosk runs; 0 in the last file of a kiosk that "
           "stopped.", st->running);
    metric(&o, "kiosk_start_time_seconds", "When the kiosk started, in Unix seconds.",
           (long long)st->started_s);
    metric(&o, "kiosk_uptime_seconds", "How long the kiosk had run when it wrote this file "
           "(at least once a minute).", (long long)(st->written_s - st->started_s));
    if (st->last_touch_s)
        metric(&o, "kiosk_last_touch_timestamp_seconds", "The last touch or key, in Unix "
               "seconds (absent: none since the start).", (long long)st->last_touch_s);
    metric(&o, "kiosk_display_on", "1 while the screen shows the bundle, 0 while it is dark "
           "outside the opening hours.", st->display_on);
    metric(&o, "kiosk_bundle_load_ok", "1 when the last load of the bundle was valid, 0 when "
           "it failed (the kiosk keeps the last good bundle or shows a notice).", st->load_ok);
    metric(&o, "kiosk_bundle_load_messages", "How many problems the last load reported.",
           st->messages_total);
    put(&o, "# HELP kiosk_bundle_info The bundle on screen.\n# TYPE kiosk_bundle_info gauge\n"
        "kiosk_bundle_info{id=\"");
    put_label(&o, st->bundle_id);
    put(&o, "\",version=\"");
    put_label(&o, st->bundle_version);
    put(&o, "\"} 1\n# HELP kiosk_build_info The version of the kiosk program.\n"
        "# TYPE kiosk_build_info gauge\nkiosk_build_info{version=\"");
    put_label(&o, st->kiosk_version);
    put(&o, "\"} 1\n");
    return !o.full;
}

/* ---- JSON in ----------------------------------------------------------------------------- */

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "a list";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "a whole number";
    case JSON_REAL: return "a fraction";
    case JSON_TRUE:
    case JSON_FALSE: return "true/false";
    case JSON_NULL: return "null";
    }
    return "something else";
}

typedef struct Reader {
    const json_t *obj;
    const char *where; /* "" or "bundle." */
    char *err;
    size_t n;
    bool ok;
} Reader;

/* The member `key`, which must be of `type` (or null, when `null_ok`); NULL after an error
 * (or for an allowed null). */
static const json_t *member(Reader *r, const char *key, json_type type, const char *what,
                            bool null_ok)
{
    if (!r->ok) return NULL;
    const json_t *v = json_object_get(r->obj, key);
    bool is_bool = type == JSON_TRUE && json_is_boolean(v);
    if (v && (json_typeof(v) == type || is_bool)) return v;
    if (v && null_ok && json_is_null(v)) return NULL;
    r->ok = false;
    if (!v) err_set(r->err, r->n, "\"%s%s\" is missing", r->where, key);
    else err_set(r->err, r->n, "\"%s%s\" should be %s, not %s", r->where, key, what,
                 type_name(v));
    return NULL;
}

static void read_text(Reader *r, const char *key, char *dst, size_t size)
{
    const json_t *v = member(r, key, JSON_STRING, "a string", false);
    if (v) status_text(dst, size, json_string_value(v));
}

static void read_time(Reader *r, const char *key, int64_t *out, bool null_ok)
{
    const json_t *v = member(r, key, JSON_INTEGER, "a time in Unix seconds", null_ok);
    if (!v) return;
    json_int_t t = json_integer_value(v);
    if (t < 0 || t > TIME_MAX_S) {
        r->ok = false;
        err_set(r->err, r->n, "\"%s%s\" is no time (%" JSON_INTEGER_FORMAT ")", r->where, key,
                t);
        return;
    }
    *out = (int64_t)t;
}

static void read_bool(Reader *r, const char *key, bool *out)
{
    const json_t *v = member(r, key, JSON_TRUE, "true or false", false);
    if (v) *out = json_is_true(v);
}

static void read_load(Reader *r, KioskStatus *st)
{
    read_bool(r, "ok", &st->load_ok);
    const json_t *total = member(r, "messages_total", JSON_INTEGER, "a whole number", false);
    const json_t *list = member(r, "messages", JSON_ARRAY, "a list of strings", false);
    if (!r->ok) return;
    size_t i;
    const json_t *m;
    json_array_foreach(list, i, m) {
        if (!json_is_string(m)) {
            r->ok = false;
            err_set(r->err, r->n, "\"load.messages\" should hold strings, not %s", type_name(m));
            return;
        }
        if (st->n_messages < STATUS_MAX_MESSAGES)
            status_text(st->messages[st->n_messages++], STATUS_MESSAGE_BYTES,
                        json_string_value(m));
    }
    json_int_t t = json_integer_value(total);
    st->messages_total = t < st->n_messages ? st->n_messages : t > 1000000 ? 1000000 : (int)t;
}

/* A member that must be an object, read with `fill`. */
static void nested(Reader *r, const char *key, const char *where, KioskStatus *st,
                   void (*fill)(Reader *, KioskStatus *))
{
    const json_t *v = member(r, key, JSON_OBJECT, "an object", false);
    if (!v) return;
    Reader inner = {v, where, r->err, r->n, true};
    fill(&inner, st);
    r->ok = inner.ok;
}

static void read_bundle(Reader *r, KioskStatus *st)
{
    read_text(r, "id", st->bundle_id, sizeof st->bundle_id);
    read_text(r, "version", st->bundle_version, sizeof st->bundle_version);
}

bool status_parse_json(const char *text, size_t len, KioskStatus *st, char *err, size_t n)
{
    memset(st, 0, sizeof *st);
    json_error_t e;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
    if (!root) {
        char why[STATUS_MESSAGE_BYTES];
        status_text(why, sizeof why, e.text);
        err_set(err, n, "not JSON: %s (line %d, column %d)", why, e.line, e.column);
        return false;
    }
    Reader r = {root, "", err, n, true};
    const json_t *format = json_is_object(root) ? json_object_get(root, "format") : NULL;
    if (!json_is_string(format) || strcmp(json_string_value(format), STATUS_FORMAT) != 0) {
        err_set(err, n, "not a kiosk status file (no \"format\": \"%s\")", STATUS_FORMAT);
        r.ok = false;
    }
    read_text(&r, "hostname", st->hostname, sizeof st->hostname);
    read_text(&r, "kiosk_version", st->kiosk_version, sizeof st->kiosk_version);
    read_bool(&r, "running", &st->running);
    read_time(&r, "written", &st->written_s, false);
    read_time(&r, "started", &st->started_s, false);
    read_time(&r, "last_touch", &st->last_touch_s, true);
    read_bool(&r, "display_on", &st->display_on);
    nested(&r, "bundle", "bundle.", st, read_bundle);
    nested(&r, "load", "load.", st, read_load);
    json_decref(root);
    return r.ok;
}
