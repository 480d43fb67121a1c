/* wrap.c: greedy line breaking over styled runs, measured only through the caller.
 *
 * The text is walked as one stream of characters across runs (a position is a run index
 * plus a byte offset), so a word may span runs and style changes are never breaks. For
 * each line we walk forward and look at the gap before each character: is it a break
 * opportunity (after spaces, after an in-word '-', at a soft hyphen, around CJK), and if we
 * broke there, would the line fit? The last opportunity that fits wins; the first that does
 * not ends the search. A '\n' or the end of the text is an opportunity that must be taken.
 *
 * Widths always come from measuring whole fragments, never from adding up characters: fonts
 * kern and shape, so "Wa" is narrower than "W" plus "a". The same function (span) measures
 * a candidate line and later emits it, so the fit decision and the drawn line agree exactly.
 * The price is re-measuring the line at every opportunity, O(line length) per word, which
 * is nothing next to drawing it; callers that wrap every frame should cache the result.
 *
 * If no opportunity fits (one word wider than the line), the word is cut at the last
 * character that fits together with a drawn hyphen, assuming widths grow with length. Every
 * line takes at least one character, which is what guarantees termination for any width. */
#include "layout/wrap.h"

#include "core/log.h"

enum { WRAP_INVALID = -1 }; /* the code point reported for a byte that is not UTF-8 */
enum { WRAP_SHY = 0xAD };   /* U+00AD soft hyphen */

typedef struct { int run; size_t off; } Pos;
typedef struct { long cp; size_t len; } Ch; /* cp 0 with len 0 means "no character" */

typedef struct {
    const WrapRun *runs;
    int n;
    WrapMeasureFn measure;
    void *ctx;
} Text;

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF): anything else is
 * one invalid byte, so a broken sequence can never swallow the valid text after it. */
static Ch decode(const unsigned char *s, size_t avail)
{
    unsigned char b = s[0];
    size_t need;
    long cp;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (b < 0x80) return (Ch){ b, 1 };
    if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) {
        need = 2; cp = b & 0x0F;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3; cp = b & 0x07;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else return (Ch){ WRAP_INVALID, 1 };
    if (avail < need + 1 || s[1] < lo || s[1] > hi) return (Ch){ WRAP_INVALID, 1 };
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) return (Ch){ WRAP_INVALID, 1 };
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    return (Ch){ cp, need + 1 };
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

static bool is_cjk(Ch c)
{
    long u = c.cp;
    return (u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7AF) ||
           (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) ||
           (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x20000 && u <= 0x3FFFF);
}

static bool in_list(long u, const long *list)
{
    for (; *list; list++)
        if (*list == u) return true;
    return false;
}

/* Kinsoku, the short version: what may not start a line, what may not end one. */
static bool no_break_before(Ch c)
{
    static const long list[] = {
        ',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0xFF09, 0xFF3D, 0xFF5D,
        0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x300B, 0x30FC, 0x30FB,
        0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E,
        0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0 };
    return in_list(c.cp, list);
}

static bool no_break_after(Ch c)
{
    static const long list[] = { '(', '[', '{', 0x300C, 0x300E, 0x3010, 0x3014, 0x3008,
                                 0x300A, 0xFF08, 0xFF3B, 0xFF5B, 0 };
    return in_list(c.cp, list);
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
 * where the next begins (R), and whether a hyphen is drawn at the break. */
typedef struct { Pos end, resume; bool hyphen; } Break;

/* The word [s, limit) is too wide for a line of its own: cut it at the last character that
 * fits with a hyphen, or after its first character if none does. */
static Break cut_word(const Text *t, Pos s, Pos limit, int max_width)
{
    Pos p = after(t, s, char_at(t, s));
    Break best = { p, p, false }; /* one character on its own: progress whatever the width */
    while (!before(limit, p)) {   /* positions are char boundaries, so p reaches limit exactly */
        if (span(t, s, p, true, 0, NULL) > max_width) break;
        best = (Break){ p, p, true };
        if (!before(p, limit)) break;
        p = after(t, p, char_at(t, p));
    }
    return best;
}

/* The break that ends the line starting at s (never at a space; possibly at the end, which
 * gives an empty line). Every path returns from inside the loop: the end is forced. */
static Break find_break(const Text *t, Pos s, int max_width)
{
    Break best = { s, s, false };
    bool have_best = false;
    Pos q = s, vis_end = s, prev_pos = s;
    Ch prev = { 0, 0 }, prev2 = { 0, 0 };
    for (;;) {
        bool end = at_end(t, q);
        Ch c = end ? (Ch){ 0, 0 } : char_at(t, q);
        Break cand = { vis_end, q, false };
        bool opp = false, forced = end || c.cp == '\n';
        if (forced) {
            opp = true;
            if (!end) cand.resume = after(t, q, c);
        } else if (prev.len && !is_space(c)) {
            if (is_space(prev)) opp = true;
            else if (prev.cp == WRAP_SHY) { opp = true; cand = (Break){ prev_pos, q, true }; }
            else if (prev.cp == '-' && prev2.len && !is_space(prev2) && prev2.cp != '-' &&
                     c.cp != '-' && !no_break_before(c)) { opp = true; cand.end = q; }
            else if ((is_cjk(prev) || is_cjk(c)) && !no_break_before(c) && !no_break_after(prev)) {
                opp = true; cand.end = q;
            }
        }
        if (opp && (forced || before(s, cand.end))) {
            bool empty = !before(s, cand.end);
            if (empty || span(t, s, cand.end, cand.hyphen, 0, NULL) <= max_width) {
                best = cand;
                have_best = true;
                if (forced) return best;
            } else {
                return have_best ? best : cut_word(t, s, cand.end, max_width);
            }
        }
        if (!is_space(c)) vis_end = after(t, q, c);
        prev2 = prev;
        prev = c;
        prev_pos = q;
        q = after(t, q, c);
    }
}

int wrap_text(const WrapRun *runs, int run_count, WrapMeasureFn measure, void *ctx,
              int max_width, WrapOutput *out)
{
    expect(run_count >= 0 && (runs || run_count == 0) && measure && out);
    expect(out->cap >= 0 && (out->frags || out->cap == 0));
    for (int i = 0; i < run_count; i++) expect(runs[i].text || runs[i].len == 0);
    const Text t = { runs, run_count, measure, ctx };
    out->count = 0;
    out->overflow = false;

    int lines = 0;
    Pos p = norm(&t, (Pos){ 0, 0 });
    while (!at_end(&t, p)) {
        for (Ch c; !at_end(&t, p) && is_space(c = char_at(&t, p));) p = after(&t, p, c);
        Break b = find_break(&t, p, max_width);
        span(&t, p, b.end, b.hyphen, lines, out);
        lines++;
        expect(before(p, b.resume) || at_end(&t, p)); /* progress, or the loop never ends */
        p = b.resume;
    }
    return lines;
}

size_t utf8_char_len(const char *s)
{
    if (!*s) return 0;
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80) n++;
    return n;
}
