/* webvtt.c: WebVTT captions to cues (see webvtt.h for what is kept).
 *
 * The file is walked line by line (LF, CRLF or CR) with the line number kept, so an error
 * says where it is. Blocks are separated by blank lines: the header, NOTE/STYLE/REGION
 * blocks (skipped) and cues (an optional identifier line, the timing line, the text). The
 * timestamp grammar is the specification's: [hh:]mm:ss.ttt with minutes and seconds below
 * 60; anything after the end time on the timing line is the cue's settings, ignored. */
#define _GNU_SOURCE /* memmem */
#include "bundle/webvtt.h"

#include <stdio.h>
#include <string.h>

typedef struct Lines {
    const char *p, *end;
    int line; /* of the line last returned */
} Lines;

/* The next line in *s, *n (without its end); false at the end of the text. */
static bool next_line(Lines *l, const char **s, size_t *n)
{
    if (l->p >= l->end) return false;
    const char *a = l->p, *b = a;
    while (b < l->end && *b != '\n' && *b != '\r') b++;
    *s = a;
    *n = (size_t)(b - a);
    if (b < l->end && *b == '\r') {
        b++;
        if (b < l->end && *b == '\n') b++;
    } else if (b < l->end) {
        b++;
    }
    l->p = b;
    l->line++;
    return true;
}

static bool starts_word(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    return n >= k && memcmp(s, word, k) == 0 && (n == k || s[k] == ' ' || s[k] == '\t');
}

static void fail(VttError *e, int line, int col, const char *what)
{
    e->line = line;
    e->col = col;
    snprintf(e->what, sizeof e->what, "%s", what);
}

static int digits(const char *s, size_t n, size_t *i, int64_t *v)
{
    int k = 0;
    for (*v = 0; *i < n && s[*i] >= '0' && s[*i] <= '9' && k < 10; (*i)++, k++)
        *v = *v * 10 + (s[*i] - '0');
    return k;
}

/* [hh:]mm:ss.ttt at s[*i]; false when it is not one. */
static bool timestamp(const char *s, size_t n, size_t *i, int64_t *ms)
{
    int64_t a, b, c = -1, frac;
    int ka = digits(s, n, i, &a);
    if (ka < 2 || *i >= n || s[*i] != ':') return false;
    (*i)++;
    if (digits(s, n, i, &b) != 2) return false;
    if (*i < n && s[*i] == ':') {
        (*i)++;
        if (digits(s, n, i, &c) != 2) return false;
    } else if (ka != 2) {
        return false;
    }
    if (*i >= n || s[*i] != '.') return false;
    (*i)++;
    if (digits(s, n, i, &frac) != 3) return false;
    int64_t h = c < 0 ? 0 : a, m = c < 0 ? a : b, sec = c < 0 ? b : c;
    if (m > 59 || sec > 59) return false;
    *ms = ((h * 60 + m) * 60 + sec) * 1000 + frac;
    return true;
}

static void skip_blanks(const char *s, size_t n, size_t *i)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '\t')) (*i)++;
}

/* "start --> end [settings]" into c; false with the error's column. */
static bool timing(const char *s, size_t n, VttCue *c, int *col)
{
    size_t i = 0;
    *col = 1;
    if (!timestamp(s, n, &i, &c->start_ms)) return false;
    skip_blanks(s, n, &i);
    *col = (int)i + 1;
    if (i + 3 > n || memcmp(s + i, "-->", 3) != 0) return false;
    i += 3;
    skip_blanks(s, n, &i);
    *col = (int)i + 1;
    return timestamp(s, n, &i, &c->end_ms) && (i == n || s[i] == ' ' || s[i] == '\t');
}

/* Appends s[0..n) to buf (at *used) without tags, decoding the entities a caption needs. */
static void append_text(char *buf, size_t *used, size_t cap, const char *s, size_t n)
{
    static const struct { const char *name, *text; } ent[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", "\xC2\xA0"},
        {"&lrm;", "\xE2\x80\x8E"}, {"&rlm;", "\xE2\x80\x8F"}};
    for (size_t i = 0; i < n;) {
        const char *piece = s + i;
        size_t len = 1, skip = 1;
        if (s[i] == '<') {
            const char *close = memchr(s + i, '>', n - i);
            i = close ? (size_t)(close - s) + 1 : n;
            continue;
        }
        for (size_t e = 0; s[i] == '&' && e < sizeof ent / sizeof ent[0]; e++) {
            size_t k = strlen(ent[e].name);
            if (n - i >= k && memcmp(s + i, ent[e].name, k) == 0) {
                piece = ent[e].text;
                len = strlen(piece);
                skip = k;
                break;
            }
        }
        if (*used + len < cap) {
            memcpy(buf + *used, piece, len);
            *used += len;
        }
        i += skip;
    }
}

/* The cue's text lines, up to a blank line or the end. */
static const char *cue_text(Lines *l, Arena *a)
{
    char buf[VTT_MAX_CUE_BYTES];
    size_t used = 0;
    const char *s;
    size_t n;
    Lines peek = *l;
    while (next_line(&peek, &s, &n) && n > 0) {
        if (used > 0 && used + 1 < sizeof buf) buf[used++] = '\n';
        append_text(buf, &used, sizeof buf, s, n);
        *l = peek;
    }
    return arena_strndup(a, buf, used);
}

/* Skips the rest of a block (up to and including its blank line). */
static void skip_block(Lines *l)
{
    const char *s;
    size_t n;
    while (next_line(l, &s, &n) && n > 0) {}
}

static bool header(Lines *l, VttError *err)
{
    const char *s;
    size_t n;
    if (l->end - l->p >= 3 && memcmp(l->p, "\xEF\xBB\xBF", 3) == 0) l->p += 3;
    if (!next_line(l, &s, &n) || !starts_word(s, n, "WEBVTT")) {
        fail(err, 1, 1, "a WebVTT file starts with the line WEBVTT");
        return false;
    }
    skip_block(l);
    return true;
}

/* A timing line, or one meant to be ("00:01.000 -> 00:02.000"), rather than an identifier. */
static bool timing_like(const char *s, size_t n)
{
    return memmem(s, n, "-->", 3) ||
           (n > 0 && s[0] >= '0' && s[0] <= '9' && memchr(s, ':', n) && memchr(s, '.', n));
}

/* One cue block whose first line is s[0..n); false on an error. */
static bool cue_block(Lines *l, const char *s, size_t n, Arena *a, VttCue *c, VttError *err)
{
    if (!timing_like(s, n)) { /* an identifier: the timing line follows */
        if (!next_line(l, &s, &n) || !timing_like(s, n)) {
            fail(err, l->line, 1, "expected a timing line such as "
                 "00:00:01.000 --> 00:00:04.000 here");
            return false;
        }
    }
    int col;
    if (!timing(s, n, c, &col)) {
        fail(err, l->line, col, "a time is written mm:ss.ttt or hh:mm:ss.ttt, as in "
             "00:01.000 --> 00:04.500");
        return false;
    }
    if (c->end_ms <= c->start_ms) {
        fail(err, l->line, 1, "this caption ends before it starts");
        return false;
    }
    c->text = cue_text(l, a);
    return c->text != NULL;
}

bool vtt_parse(const char *text, size_t len, Arena *a, VttTrack *out, VttError *err)
{
    *out = (VttTrack){0};
    if (len > VTT_MAX_BYTES) {
        fail(err, 1, 1, "the captions file is larger than 1 MB");
        return false;
    }
    Lines l = {text, text + len, 0};
    if (!header(&l, err)) return false;
    /* every cue has an arrow: their count bounds the cues */
    size_t arrows = 0;
    for (const char *p = text; (p = memmem(p, (size_t)(text + len - p), "-->", 3)); p += 3)
        arrows++;
    if (arrows > VTT_MAX_CUES) arrows = VTT_MAX_CUES;
    /* one more: a block without an arrow is read into it on its way to an error */
    VttCue *cues = arena_calloc(a, arrows + 1, sizeof *cues);
    if (!cues) {
        fail(err, 1, 1, "out of memory");
        return false;
    }
    const char *s;
    size_t n, k = 0;
    while (next_line(&l, &s, &n)) {
        if (n == 0) continue;
        if (starts_word(s, n, "NOTE") || starts_word(s, n, "STYLE") || starts_word(s, n, "REGION")) {
            skip_block(&l);
            continue;
        }
        if (k == VTT_MAX_CUES) {
            fail(err, l.line, 1, "more than 10000 captions in one file");
            return false;
        }
        if (!cue_block(&l, s, n, a, &cues[k], err)) return false;
        k++;
    }
    out->cues = cues;
    out->n = k;
    return true;
}

const char *vtt_text_at(const VttTrack *t, int64_t t_ms)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->cues[i].start_ms <= t_ms && t_ms < t->cues[i].end_ms) return t->cues[i].text;
    return NULL;
}
