/* wrap.c: greedy line breaking over styled runs, measured only through the caller.
 *
 * The text is walked as one stream of characters across runs (a position is a run index
 * plus a byte offset), so a word may span runs and style changes are never breaks. For
 * each line we walk forward and look at the gap before each character: is it a break
 * opportunity (Unicode's UAX #14 from libunibreak, computed once per call over the runs joined,
 * for the language given; a soft hyphen also draws a '-'), and if we broke there, would the
 * line fit? The last opportunity that fits wins; the first that does not ends the search.
 * A '\n' or the end of the text is an opportunity that must be taken.
 *
 * Widths come from measuring whole fragments, never from adding up characters: fonts kern
 * and shape, so "Wa" is narrower than "W" plus "a". A candidate far from the line's width
 * (more than WRAP_EST_SLACK px either way) is judged by adding the width of the piece it adds
 * to the line so far, which costs a short (cached) measurement instead of the whole line;
 * the line chosen is always measured whole, by the same function (span) that emits it, and
 * if that disagrees the line is found again measuring every candidate whole. So the fit
 * decision and the drawn line agree exactly.
 *
 * If no opportunity fits (one word wider than the line), the word is hyphenated at the
 * last dictionary point that fits (an injected hyphenator, layout/hyphen.c), and only without
 * one cut at the last character that fits together with a drawn hyphen, assuming widths grow
 * with length; such a cut is counted, so a screen can report it. Every line takes at least
 * one character, which is what guarantees termination for any width. */
#include "layout/wrap.h"

#include "core/log.h"
#include "core/utf8.h"

#include <linebreak.h>
#include <string.h>

enum { WRAP_INVALID = -1 }; /* the code point reported for a byte that is not UTF-8 */
enum { WRAP_SHY = 0xAD };   /* U+00AD soft hyphen */

typedef struct { int run; size_t off; } Pos;
typedef struct { long cp; size_t len; } Ch; /* cp 0 with len 0 means "no character" */

enum { WRAP_MAX_RUNS = 256 }; /* runs past this break only after spaces */
enum { WRAP_EST_SLACK = 2 };  /* px an added-up width may be off by (kerning across a space) */

typedef struct {
    const WrapRun *runs;
    int n;
    WrapMeasureFn measure;
    void *ctx;
    const WrapOptions *opts;        /* never NULL */
    size_t base[WRAP_MAX_RUNS];     /* offset of each run in the joined text */
    int n_base;
    const char *brk;                /* UAX #14 class after each byte of the joined text */
    size_t n_brk;
} Text;

static Ch decode(const unsigned char *s, size_t avail)
{
    size_t len;
    long cp = utf8_decode(s, avail, &len);
    return (Ch){ cp < 0 ? WRAP_INVALID : cp, len };
}

static Pos norm(const Text *t, Pos p) /* step over the ends of runs, and empty runs */
{
    while (p.run < t->n && p.off >= t->runs[p.run].len) { p.run++; p.off = 0; }
    return p;
}

static bool at_end(const Text *t, Pos p) { return p.run >= t->n; }
static bool before(Pos a, Pos b) { return a.run < b.run || (a.run == b.run && a.off < b.off); }

static Ch char_at(const Text *t, Pos p)
{
    const WrapRun *r = &t->runs[p.run];
    return decode((const unsigned char *)r->text + p.off, r->len - p.off);
}

static Pos after(const Text *t, Pos p, Ch c) { return norm(t, (Pos){ p.run, p.off + c.len }); }

static bool is_space(Ch c) { return c.len && (c.cp == ' ' || c.cp == '\t' || c.cp == '\r'); }

/* The break class between the character before q and the one at q, from libunibreak's table
 * over the whole text; past the table (a text longer than WRAP_MAX_BYTES) only after spaces. */
static int brk_before(const Text *t, Pos q, Ch prev)
{
    if (q.run < t->n_base && q.run >= 0) {
        size_t g = t->base[q.run] + q.off;
        if (g > 0 && g <= t->n_brk) return t->brk[g - 1];
    }
    return is_space(prev) ? LINEBREAK_ALLOWBREAK : LINEBREAK_NOBREAK;
}

/* Fills t->brk with UAX #14 break classes for the text of all runs, joined (a style change is
 * no break, so the runs are one text to the algorithm). buf holds the joined bytes. */
static void find_opportunities(Text *t, char *buf, char *brk, const char *lang)
{
    static bool initialised;
    if (!initialised) { init_linebreak(); initialised = true; }
    size_t total = 0;
    t->n_base = 0;
    for (int r = 0; r < t->n && r < WRAP_MAX_RUNS; r++) {
        t->base[r] = total;
        t->n_base = r + 1;
        size_t take = t->runs[r].len;
        if (total + take > WRAP_MAX_BYTES) take = WRAP_MAX_BYTES - total;
        if (take) memcpy(buf + total, t->runs[r].text, take);
        total += take;
        if (take < t->runs[r].len) break;
    }
    if (total) set_linebreaks_utf8((const utf8_t *)buf, total, lang, brk);
    t->brk = brk;
    t->n_brk = total;
}

/* Measures [a, b) as the fragments it would be drawn as, plus a hyphen if asked; with out,
 * also writes those fragments on `line`. Soft hyphens split fragments and are dropped. */
static int span(const Text *t, Pos a, Pos b, bool hyphen, int line, WrapOutput *out)
{
    int x = 0, last_style = 0, last_written = -1;
    bool any = false;
    for (int r = a.run; r < t->n && (r < b.run || (r == b.run && b.off > 0)); r++) {
        const WrapRun *run = &t->runs[r];
        size_t end = r == b.run ? b.off : run->len;
        size_t piece = r == a.run ? a.off : 0;
        for (size_t i = piece; i <= end;) {
            Ch c = i < end ? decode((const unsigned char *)run->text + i, end - i) : (Ch){ 0, 0 };
            if (c.len && c.cp != WRAP_SHY) { i += c.len; continue; }
            if (i > piece) { /* the piece [piece, i) ends at a soft hyphen or the range end */
                int w = t->measure(t->ctx, run->style, run->text + piece, i - piece);
                if (out && out->count < out->cap) {
                    last_written = out->count;
                    out->frags[out->count++] = (WrapFragment){ r, piece, i - piece, x, w, line, 0 };
                } else if (out) {
                    out->overflow = true;
                    last_written = -1;
                }
                x += w;
                any = true;
                last_style = run->style;
            }
            if (!c.len) break;
            i += c.len;
            piece = i;
        }
    }
    if (!hyphen || !any) return x;
    if (out && last_written >= 0) out->frags[last_written].flags |= WRAP_FRAG_HYPHEN;
    return x + t->measure(t->ctx, last_style, "-", 1);
}

/* Where one line ends (E: its content stops, before collapsed spaces or a soft hyphen) and
 * where the next begins (R), whether a hyphen is drawn at the break, and why: a dictionary
 * point (hyphenated) or a cut at no opportunity at all (cut). */
typedef struct { Pos end, resume; bool hyphen, hyphenated, cut; } Break;

/* The word [s, limit) is too wide for a line of its own: cut it at the last character that
 * fits with a hyphen, or after its first character if none does. */
static Break cut_word(const Text *t, Pos s, Pos limit, int max_width)
{
    Pos p = after(t, s, char_at(t, s));
    Break best = { p, p, false, false, true }; /* one character: progress whatever the width */
    while (!before(limit, p)) {   /* positions are char boundaries, so p reaches limit exactly */
        if (span(t, s, p, true, 0, NULL) > max_width) break;
        best = (Break){ p, p, true, false, true };
        if (!before(p, limit)) break;
        p = after(t, p, char_at(t, p));
    }
    if (!before(p, limit) && !best.hyphen) best.cut = false; /* the word was one character */
    return best;
}

static bool is_letter(long cp) { return cp >= 0x80 || (cp | 0x20) - 'a' < 26u; }

/* The line from s, ending inside the segment [w, limit) at the last dictionary point that
 * fits with its hyphen. Only a segment within one run is hyphenated (a style change inside a
 * word is rare and the dictionary would see half a word). */
static bool hyphenate(const Text *t, Pos s, Pos w, Pos limit, int max_width, Break *out)
{
    const WrapOptions *o = t->opts;
    if (!o->hyphenate || at_end(t, w) || (limit.run != w.run && !(limit.run == w.run + 1 && limit.off == 0)))
        return false;
    const WrapRun *r = &t->runs[w.run];
    size_t a = w.off, b = limit.run == w.run ? limit.off : r->len;
    const unsigned char *x = (const unsigned char *)r->text;
    while (a < b && x[a] < 0x80 && !is_letter(x[a])) a++;        /* "(Flugzeug)," */
    while (b > a && x[b - 1] < 0x80 && !is_letter(x[b - 1])) b--;
    unsigned char points[WRAP_HYPHEN_WORD_MAX];
    if (b - a < 2 || b - a > sizeof points) return false;
    if (!o->hyphenate(o->hyphen_ctx, o->lang, r->text + a, b - a, points)) return false;
    for (size_t i = b - a - 1; i-- > 0;) {
        if (!points[i]) continue;
        Pos p = { w.run, a + i + 1 };
        if (span(t, s, p, true, 0, NULL) <= max_width) {
            *out = (Break){ p, p, true, true, false };
            return true;
        }
    }
    return false;
}

/* The width of the line [s, cand.end): measured whole, or, when `estimate` and the line so
 * far (best, best_w px) ends a plain break, estimated as best_w plus the piece added. An
 * estimate more than WRAP_EST_SLACK px away from max_width decides; a close one is measured. */
static int line_width(const Text *t, Pos s, Break cand, bool estimate, bool have_best,
                      Break best, int best_w, int max_width, bool *estimated)
{
    *estimated = false;
    if (estimate && have_best && !cand.hyphen && !best.hyphen) {
        int est = best_w + span(t, best.end, cand.end, false, 0, NULL);
        if (est <= max_width - WRAP_EST_SLACK || est > max_width + WRAP_EST_SLACK) {
            *estimated = true;
            return est;
        }
    }
    return span(t, s, cand.end, cand.hyphen, 0, NULL);
}

/* The break that ends the line starting at s (never at a space; possibly at the end, which
 * gives an empty line). Every path returns from inside the loop: the end is forced. With
 * `estimate`, widths are added up piece by piece where that is clearly decisive; the line
 * chosen is then measured whole, and if it does not fit after all (kerning across the
 * pieces), the line is found again measuring every candidate whole. */
static Break find_break(const Text *t, Pos s, int max_width, bool estimate)
{
    Break best = { s, s, false, false, false };
    bool have_best = false, best_estimated = false;
    int best_w = 0;
    Pos q = s, vis_end = s, prev_pos = s;
    Ch prev = { 0, 0 };
    for (;;) {
        bool end = at_end(t, q);
        Ch c = end ? (Ch){ 0, 0 } : char_at(t, q);
        Break cand = { vis_end, q, false, false, false };
        bool opp = false, forced = end || c.cp == '\n';
        if (forced) {
            opp = true;
            if (!end) cand.resume = after(t, q, c);
        } else if (prev.len && !is_space(c)) {
            int k = brk_before(t, q, prev);
            if (prev.cp == WRAP_SHY) { opp = true; cand = (Break){ prev_pos, q, true, false, false }; }
            else opp = k == LINEBREAK_ALLOWBREAK || k == LINEBREAK_MUSTBREAK;
        }
        if (opp && (forced || before(s, cand.end))) {
            bool empty = !before(s, cand.end), est = false;
            int w = empty ? 0 : line_width(t, s, cand, estimate, have_best, best, best_w, max_width, &est);
            if (empty || w <= max_width) {
                best = cand;
                best_w = w;
                best_estimated = est;
                have_best = true;
                if (forced) break;
            } else {
                Break h;
                /* Fill: hyphenate the word that overflows; otherwise only a word that does not
                 * fit on a line of its own. */
                Pos ws = have_best ? best.resume : s;
                if ((!have_best || t->opts->fill) && hyphenate(t, s, ws, cand.end, max_width, &h))
                    return h;
                if (!have_best) return cut_word(t, s, cand.end, max_width);
                break;
            }
        }
        if (!is_space(c)) vis_end = after(t, q, c);
        prev = c;
        prev_pos = q;
        q = after(t, q, c);
    }
    if (best_estimated && span(t, s, best.end, best.hyphen, 0, NULL) > max_width)
        return find_break(t, s, max_width, false);
    return best;
}

int wrap_text_opts(const WrapRun *runs, int run_count, WrapMeasureFn measure, void *ctx,
                   int max_width, const WrapOptions *opts, WrapOutput *out)
{
    expect(run_count >= 0 && (runs || run_count == 0) && measure && out);
    expect(out->cap >= 0 && (out->frags || out->cap == 0));
    for (int i = 0; i < run_count; i++) expect(runs[i].text || runs[i].len == 0);
    static const WrapOptions none = { NULL, NULL, NULL, false };
    Text t; /* not zeroed as a whole: base[] is filled as far as it is used, per call */
    t.runs = runs;
    t.n = run_count;
    t.measure = measure;
    t.ctx = ctx;
    t.opts = opts ? opts : &none;
    char joined[WRAP_MAX_BYTES], brk[WRAP_MAX_BYTES];
    find_opportunities(&t, joined, brk, t.opts->lang);
    out->count = 0;
    out->overflow = false;
    out->word_cuts = 0;
    out->hyphenations = 0;

    int lines = 0;
    Pos p = norm(&t, (Pos){ 0, 0 });
    while (!at_end(&t, p)) {
        for (Ch c; !at_end(&t, p) && is_space(c = char_at(&t, p));) p = after(&t, p, c);
        Break b = find_break(&t, p, max_width, true);
        span(&t, p, b.end, b.hyphen, lines, out);
        out->word_cuts += b.cut;
        out->hyphenations += b.hyphenated;
        lines++;
        expect(before(p, b.resume) || at_end(&t, p)); /* progress, or the loop never ends */
        p = b.resume;
    }
    return lines;
}

int wrap_text(const WrapRun *runs, int run_count, WrapMeasureFn measure, void *ctx,
              int max_width, WrapOutput *out)
{
    return wrap_text_opts(runs, run_count, measure, ctx, max_width, NULL, out);
}

size_t utf8_char_len(const char *s)
{
    if (!*s) return 0;
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80) n++;
    return n;
}
