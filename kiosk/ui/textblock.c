/* textblock.c: text blocks on screens: wrapping, fitting titles, ellipses, and reports.
 *
 * Text: wrap_text_opts() breaks runs into fragments using the injected measurer, at UAX #14
 * opportunities for the screen's language; each fragment becomes one DL_TEXT command whose
 * `box` is the block it belongs to, so the layout tests can prove that no text leaves its box.
 *
 * A title (a style with `what`) is fitted before it is cut: it tries its size, then steps
 * down to TEXT_FIT_FLOOR of it; if whole words still do not fit in its lines, the same sizes
 * again with dictionary hyphenation (first only words too long for a line, then filling
 * lines). Only then is the last line cut with an ellipsis. Whatever still needs an ellipsis,
 * or breaks a word where no dictionary allows it, is recorded in the display list's issues,
 * which `--check` reports at the text's own file:line:col. Body text is hyphenated where a
 * word is too long for a line of its own, and never cut. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/util.h"
#include "layout/hyphen.h"
#include "layout/wrap.h"
#include "ui/widgets.h"

#define TEXT_FIT_FLOOR 0.8f /* a title may shrink to 80 % of its size before it is hyphenated */

typedef enum { HYPHEN_NONE, HYPHEN_LONG_WORDS, HYPHEN_FILL, HYPHEN_MODES } HyphenMode;

typedef struct MeasureAdapter {
    const TextMeasure *m;
    int px;
} MeasureAdapter;

static int adapt(void *ctx, int style, const char *s, size_t len)
{
    const MeasureAdapter *a = ctx;
    return a->m->width(a->m->ctx, (FontId)style, a->px, s, len);
}

float w_line_height(int px) { return (float)px * 1.3f; }

float w_text_width(Ctx *c, const char *s, FontId font, int px)
{
    return (float)c->m->width(c->m->ctx, font, px, s, strlen(s));
}

/* One wrapped block: its fragments and what wrapping found. */
typedef struct Wrapped {
    WrapFragment frags[WRAP_MAX_FRAGMENTS];
    WrapOutput out;
    int lines;
} Wrapped;

static void wrap_block(Ctx *c, Wrapped *w, const WrapRun *runs, int n, int px, float width,
                       HyphenMode mode)
{
    MeasureAdapter a = {c->m, px};
    WrapOptions o = {c->code, mode == HYPHEN_NONE ? NULL : hyphen_points, NULL, mode == HYPHEN_FILL};
    w->out = (WrapOutput){.frags = w->frags, .cap = WRAP_MAX_FRAGMENTS};
    w->lines = wrap_text_opts(runs, n, adapt, &a, (int)width, &o, &w->out);
    if (w->out.overflow) c->d->overflow = true;
}

/* Fitting results remembered: a title is measured (w_text_height, w_title_that_fits) and
 * then drawn, and a screen is rebuilt for every frame that changes, so the same question is
 * asked again and again; the answer is one wrap instead of up to HYPHEN_MODES * 5. The key
 * holds the text's hash, not its address: list storage is reused with other texts. */
enum { FIT_MEMO = 64 };
typedef struct FitMemo {
    uint64_t key;
    int px, mode;
    bool fits;
} FitMemo;

static uint64_t fit_key(const Ctx *c, const WrapRun *run, float width, TextStyle st)
{
    uint64_t h = hash_bytes(hash_start(HASH_SEED), run->text, run->len);
    h = hash_u64(h, (uint64_t)(uintptr_t)c->m->ctx);
    h = hash_u64(h, (uint64_t)(uintptr_t)c->m->width);
    h = hash_bytes(h, c->code, strlen(c->code));
    h = hash_u64(h, (uint64_t)(int64_t)(width * 64));
    h = hash_u64(h, ((uint64_t)st.px << 32) ^ ((uint64_t)st.max_lines << 8) ^ (uint64_t)st.font);
    h = hash_u64(h, (uint64_t)(c->text_scale * 1000.0f));
    return h | 1; /* 0 marks an empty slot */
}

/* The first size and hyphenation that fit `runs` into max_lines without breaking a word at
 * no dictionary point; the floor size with filled hyphenation when nothing does. w holds the
 * wrap at the size returned. */
static int fit(Ctx *c, Wrapped *w, const WrapRun *runs, int n, float width, TextStyle st,
               bool *fits)
{
    static FitMemo memo[FIT_MEMO];
    uint64_t key = n == 1 ? fit_key(c, runs, width, st) : 0;
    FitMemo *m = key ? &memo[key % FIT_MEMO] : NULL;
    if (m && m->key == key) {
        wrap_block(c, w, runs, n, m->px, width, (HyphenMode)m->mode);
        *fits = m->fits;
        return m->px;
    }
    /* With larger text (A+) a title may shrink back to the floor of its normal size: it
     * never gets smaller than without A+, and is never cut where it was whole before. */
    int floor = (int)((float)st.px * TEXT_FIT_FLOOR / c->text_scale + 0.5f);
    int step = st.px / 20 > 1 ? st.px / 20 : 1;
    FitMemo found = {key, floor, HYPHEN_FILL, false};
    for (int mode = HYPHEN_NONE; mode < HYPHEN_MODES && !found.fits; mode++)
        for (int px = st.px;; px = px - step < floor ? floor : px - step) {
            wrap_block(c, w, runs, n, px, width, (HyphenMode)mode);
            if ((st.max_lines <= 0 || w->lines <= st.max_lines) && w->out.word_cuts == 0) {
                found = (FitMemo){key, px, mode, true};
                break;
            }
            if (px == floor) break;
        }
    if (m) *m = found;
    *fits = found.fits;
    return found.px;
}

static void emit(Ctx *c, Rect box, const char *s, size_t len, FontId font, int px,
                 uint32_t color, float x, float y, float width)
{
    DlCmd *cmd = dlist_push(c->d, DL_TEXT, (Rect){x, y, width, w_line_height(px)});
    cmd->text = s;
    cmd->len = len;
    cmd->font = font;
    cmd->px = px;
    cmd->color = color;
    cmd->box = box;
    cmd->bound = c->bound;
}

static void report(Ctx *c, DlIssueKind kind, const char *what, const char *text, const char *shown)
{
    DisplayList *d = c->d;
    if (!what || d->n_issues == DLIST_MAX_ISSUES) return;
    d->issues[d->n_issues++] = (DlIssue){kind, what, text, dlist_strdup(d, shown)};
}

/* Appends s[0..len) to buf (of `size`), truncating. */
static void append(char *buf, size_t size, const char *s, size_t len)
{
    size_t used = strlen(buf);
    if (len > size - 1 - used) len = size - 1 - used;
    memcpy(buf + used, s, len);
    buf[used + len] = '\0';
}

static const char ELLIPSIS[] = "\xE2\x80\xA6";

static const char HYPHEN_ELLIPSIS[] = "-\xE2\x80\xA6";

static bool fits(MeasureAdapter *a, const WrapFragment *f, const char *s, size_t len,
                 FontId font, float tail, float box_w)
{
    return (float)f->x + (float)adapt(a, font, s, len) + tail <= box_w;
}

/* The last visible fragment, cut so that the ellipsis fits in the box; returns its new
 * length. It is cut back to the end of a word; only a line that is one word is cut inside
 * it, and then *in_word says so and "-…" is drawn, never "Flevo…" (a word cut without a
 * hyphen). A fragment that ends at a hyphenation point counts as ending inside a word. */
static size_t cut_for_ellipsis(MeasureAdapter *a, const WrapFragment *f, const char *s,
                               FontId font, float box_w, bool *in_word)
{
    float ell = (float)adapt(a, font, ELLIPSIS, 3);
    size_t len = f->len;
    *in_word = false;
    if (!(f->flags & WRAP_FRAG_HYPHEN) && fits(a, f, s, len, font, ell, box_w)) return len;
    for (size_t sp = len; sp > 0;) {
        do sp--; while (sp > 0 && s[sp] != ' ');
        size_t end = sp;
        while (end > 0 && s[end - 1] == ' ') end--;
        if (end > 0 && fits(a, f, s, end, font, ell, box_w)) return end;
    }
    *in_word = true;
    float hell = (float)adapt(a, font, HYPHEN_ELLIPSIS, sizeof HYPHEN_ELLIPSIS - 1);
    while (len > 0 && !fits(a, f, s, len, font, hell, box_w)) {
        len--;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
    }
    return len;
}

typedef struct TextBlock {
    Rect box;
    const WrapRun *runs;
    int n_runs;
    TextStyle st;
} TextBlock;

/* Draws the wrapped block w at size px; returns the height used. */
static float draw_block(Ctx *c, const TextBlock *bk, Wrapped *w, int px)
{
    const WrapFragment *frags = w->frags;
    int lines = w->lines, count = w->out.count;
    int shown = (bk->st.max_lines > 0 && lines > bk->st.max_lines) ? bk->st.max_lines : lines;
    float lh = w_line_height(px);
    MeasureAdapter a = {c->m, px};
    Rect box = bk->box;
    char seen[256] = "";
    float line_width[WRAP_MAX_FRAGMENTS] = {0};
    if (bk->st.center)
        for (int i = 0; i < count && frags[i].line < WRAP_MAX_FRAGMENTS; i++)
            line_width[frags[i].line] = (float)(frags[i].x + frags[i].width);
    for (int i = 0; i < count; i++) {
        const WrapFragment *f = &frags[i];
        if (f->line >= shown) break;
        const WrapRun *r = &bk->runs[f->run];
        FontId font = (FontId)r->style;
        const char *s = r->text + f->start;
        float x0 = box.x + (bk->st.center ? (box.w - line_width[f->line]) / 2 : 0);
        float y = box.y + (float)f->line * lh;
        if (i > 0 && f->line != frags[i - 1].line && !(frags[i - 1].flags & WRAP_FRAG_HYPHEN))
            append(seen, sizeof seen, " ", 1);
        bool last_visible = f->line == shown - 1 && shown < lines &&
                            (i + 1 == count || frags[i + 1].line != f->line);
        if (last_visible) {
            bool in_word;
            size_t len = cut_for_ellipsis(&a, f, s, font, box.w, &in_word);
            const char *tail = in_word ? HYPHEN_ELLIPSIS : ELLIPSIS;
            size_t tail_len = strlen(tail);
            float width = (float)adapt(&a, font, s, len), ell = (float)adapt(&a, font, tail, tail_len);
            if (bk->st.center && f->x == 0) x0 = box.x + (box.w - width - ell) / 2;
            if (len) emit(c, box, s, len, font, px, bk->st.color, x0 + (float)f->x, y, width);
            emit(c, box, tail, tail_len, font, px, bk->st.color, x0 + (float)f->x + width, y, ell);
            append(seen, sizeof seen, s, len);
            append(seen, sizeof seen, tail, tail_len);
            report(c, DL_ISSUE_CUT, bk->st.what, bk->runs[0].text, seen);
            continue;
        }
        emit(c, box, s, f->len, font, px, bk->st.color, x0 + (float)f->x, y, (float)f->width);
        append(seen, sizeof seen, s, f->len);
        if (f->flags & WRAP_FRAG_HYPHEN) {
            emit(c, box, "-", 1, font, px, bk->st.color, x0 + (float)f->x + (float)f->width, y,
                 (float)adapt(&a, font, "-", 1));
            append(seen, sizeof seen, "-", 1);
        }
    }
    if (w->out.word_cuts && shown == lines) report(c, DL_ISSUE_WORD_BREAK, bk->st.what, bk->runs[0].text, seen);
    return (float)shown * lh;
}

/* An upper bound of the width of s[0..n) at px, without shaping: no glyph below U+2000 is
 * wider than 1.2 em, none above (CJK, emoji) wider than 2 em. */
static float width_bound(const char *s, size_t n, int px)
{
    float em = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if ((b & 0xC0) == 0x80) continue; /* one character per lead byte */
        em += b >= 0xE2 ? 2.0f : 1.2f;
    }
    return em * (float)px;
}

/* For the layout check (DisplayList.widths_only): body text without a line limit can only
 * go wrong in a word too wide for the line, so only those words are wrapped (alone, as they
 * would be on a line of their own) and nothing is emitted; a word whose upper bound fits is
 * not even measured. The height is an estimate. */
static float check_words(Ctx *c, const TextBlock *bk)
{
    MeasureAdapter a = {c->m, bk->st.px};
    static Wrapped w;
    float total = 0;
    for (int r = 0; r < bk->n_runs; r++) {
        const char *s = bk->runs[r].text;
        size_t len = bk->runs[r].len;
        for (size_t i = 0; i < len;) {
            size_t n = strcspn(s + i, " \n");
            if (i + n > len) n = len - i;
            float bound = width_bound(s + i, n, bk->st.px);
            float width = bound > bk->box.w ? (float)adapt(&a, bk->runs[r].style, s + i, n) : 0;
            total += bound / 2 + (float)bk->st.px * 0.3f;
            if (width > bk->box.w) {
                WrapRun one = {s + i, n, bk->runs[r].style};
                wrap_block(c, &w, &one, 1, bk->st.px, bk->box.w, HYPHEN_LONG_WORDS);
                if (w.out.word_cuts) {
                    char word[128];
                    snprintf(word, sizeof word, "%.*s", (int)(n < 120 ? n : 120), s + i);
                    report(c, DL_ISSUE_WORD_BREAK, bk->st.what, bk->runs[0].text, word);
                }
            }
            i += n + 1;
        }
    }
    float lines = bk->box.w > 0 ? total / bk->box.w + 1 : 1;
    return (float)(int)lines * w_line_height(bk->st.px);
}

/* Lays out a block: fitted when its style names `what` and has a line limit, else at its
 * size with hyphenation of over-long words only. Draws when `draw`; returns the height used. */
static float layout_block(Ctx *c, const TextBlock *bk, bool draw)
{
    static Wrapped w; /* 20 KiB: the layout runs on one thread, and never recursively */
    if (c->d->widths_only && bk->st.max_lines <= 0) return check_words(c, bk);
    int px = bk->st.px;
    bool fits;
    if (bk->st.what && bk->st.max_lines > 0) px = fit(c, &w, bk->runs, bk->n_runs, bk->box.w, bk->st, &fits);
    else wrap_block(c, &w, bk->runs, bk->n_runs, px, bk->box.w, HYPHEN_LONG_WORDS);
    if (draw) return draw_block(c, bk, &w, px);
    int shown = (bk->st.max_lines > 0 && w.lines > bk->st.max_lines) ? bk->st.max_lines : w.lines;
    return (float)shown * w_line_height(px);
}

float w_text(Ctx *c, Rect box, const char *s, TextStyle st)
{
    if (!s || !*s) return 0;
    WrapRun run = {s, strlen(s), st.font};
    return layout_block(c, &(TextBlock){box, &run, 1, st}, true);
}

float w_text_height(Ctx *c, float width, const char *s, TextStyle st)
{
    if (!s || !*s) return 0;
    WrapRun run = {s, strlen(s), st.font};
    st.center = false;
    return layout_block(c, &(TextBlock){(Rect){0, 0, width, 0}, &run, 1, st}, false);
}

bool w_text_fits(Ctx *c, float width, const char *s, TextStyle st)
{
    if (!s || !*s || st.max_lines <= 0) return true;
    static Wrapped w;
    WrapRun run = {s, strlen(s), st.font};
    bool fits;
    fit(c, &w, &run, 1, width, st, &fits);
    return fits;
}

const char *w_title_that_fits(Ctx *c, float width, const Text *title, const Text *short_title,
                              TextStyle st)
{
    const char *full = T(c, title);
    if (!text_present(short_title) || w_text_fits(c, width, full, st)) return full;
    return T(c, short_title);
}

static FontId span_font(unsigned style)
{
    if ((style & SPAN_BOLD) && (style & SPAN_ITALIC)) return FONT_BOLD_ITALIC;
    if (style & SPAN_BOLD) return FONT_BOLD;
    if (style & SPAN_ITALIC) return FONT_ITALIC;
    return FONT_REGULAR;
}

float w_body(Ctx *c, Rect box, const Body *body, int px, uint32_t color)
{
    float y = box.y, para_gap = (float)px * 0.7f;
    for (size_t i = 0; i < body->n_blocks; i++) {
        const Block *bl = &body->blocks[i];
        enum { MAX_RUNS = 64 };
        WrapRun runs[MAX_RUNS];
        int n = 0;
        for (size_t k = 0; k < bl->n_spans && n < MAX_RUNS; k++)
            runs[n++] = (WrapRun){bl->spans[k].text, strlen(bl->spans[k].text),
                                  span_font(bl->spans[k].style)};
        Rect r = {box.x, y, box.w, 0};
        if (bl->kind == BLOCK_BULLET) {
            float indent = (float)px * 1.2f, dot = (float)px * 0.3f;
            dlist_rect(c->d, (Rect){box.x + (float)px * 0.3f, y + w_line_height(px) / 2 - dot / 2,
                                    dot, dot}, c->t->accent, dot / 2);
            r.x += indent;
            r.w -= indent;
        }
        if (n) {
            TextStyle st = {FONT_REGULAR, px, color, 0, false, "body text"};
            y += layout_block(c, &(TextBlock){r, runs, n, st}, true);
        }
        bool next_bullet = i + 1 < body->n_blocks && body->blocks[i + 1].kind == BLOCK_BULLET;
        y += (bl->kind == BLOCK_BULLET && next_bullet) ? (float)px * 0.25f : para_gap;
    }
    return y - box.y;
}
