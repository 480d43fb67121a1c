/* wrap.h: break styled UTF-8 text into lines no wider than a given width.
 *
 * Input is a list of runs (text plus an opaque style number: regular, bold, italic... as the
 * caller decides) and a measurer that says how wide a piece of text is in one style. Output
 * is a list of fragments: which bytes of which run go on which line, at which x. The caller
 * draws each fragment with its run's style, and a '-' after fragments flagged
 * WRAP_FRAG_HYPHEN. Pure C: no SDL, no fonts, no heap; tests use a fake measurer.
 *
 * Rules, in the order they are tried for each line (greedy, first fit):
 *   - '\n' always ends a line; one '\n' at the very end of the text adds no empty line.
 *   - Lines break where Unicode's line breaking algorithm (UAX #14, from libunibreak, tailored
 *     by the language) allows: after spaces, after a '-' inside a word, around CJK characters,
 *     never at a no-break space U+00A0 or before closing punctuation; at a soft hyphen U+00AD
 *     the break draws a '-' (flagged).
 *   - With a hyphenator (WrapOptions), a word that does not fit on the rest of the line is
 *     hyphenated at the last dictionary point that fits, '-' drawn (flagged, counted).
 *   - Spaces (' ', '\t', '\r') at the start and end of every line are dropped; inside a line they
 *     stay as written. A soft hyphen is never part of a fragment (it would draw a glyph).
 *   - A style change inside a word is not a break opportunity: "**Tech**niek" stays whole.
 *   - A word wider than the whole line, with no dictionary point that fits, is cut at the last
 *     character that fits together with the '-' drawn after it (flagged, and counted in
 *     WrapOutput.word_cuts: a break a reader would call wrong); if not even one character
 *     fits, one character goes on the line on its own, unflagged: every line takes at least
 *     one character, so the loop always ends, even for max_width <= 0.
 *   - A UTF-8 sequence is never split. Invalid bytes (and sequences cut at the end of a run)
 *     count as one character each and are passed through: the measurer and the renderer see
 *     them and must cope (SDL_ttf draws its missing-glyph box).
 * Every line's drawn width (last fragment's x + width, plus the hyphen's width when flagged)
 * is <= max_width, except a line holding a single character that is wider on its own. */
#ifndef KIOSK_WRAP_H
#define KIOSK_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* A suggested fragment array size for one text block on screen: a full portrait screen of
 * body text is about 40 lines of a few fragments each. */
#define WRAP_MAX_FRAGMENTS 256

/* Fragment flag: draw a '-' (in this fragment's style) right after it. */
#define WRAP_FRAG_HYPHEN 1u

/* Width in pixels of s[0..len) in the given style; must be >= 0 and should not shrink when
 * text is appended. ctx is the caller's (e.g. its font set); wrap only passes it along. */
typedef int (*WrapMeasureFn)(void *ctx, int style, const char *s, size_t len);

/* Hyphenation points of one word (UTF-8, len bytes, no spaces): sets points[i] = 1 where the
 * word may break after byte i with a hyphen drawn, 0 elsewhere; returns false when there are
 * none (no dictionary for lang, or an unknown word). layout/hyphen.c provides one. */
typedef bool (*WrapHyphenFn)(void *ctx, const char *lang, const char *word, size_t len,
                             unsigned char *points);

typedef struct WrapOptions {
    const char *lang;       /* language code ("nl", "de", "ar"...) for UAX #14; NULL: none */
    WrapHyphenFn hyphenate; /* NULL: no hyphenation */
    void *hyphen_ctx;       /* passed to hyphenate */
    bool fill;              /* hyphenate a word that overflows the line (fills lines, for tight
                             * titles); false: only a word too wide for a line of its own */
} WrapOptions;

/* Longest word (bytes) handed to a hyphenator. */
enum { WRAP_HYPHEN_WORD_MAX = 128 };

typedef struct {
    const char *text; /* borrowed; may be NULL only when len == 0; need not end in '\0' */
    size_t len;       /* bytes */
    int style;        /* opaque to wrap: handed to the measurer */
} WrapRun;

typedef struct {
    int run;          /* index into the runs passed to wrap_text */
    size_t start;     /* byte offset in that run's text */
    size_t len;       /* bytes, > 0 */
    int x;            /* px from the line's left edge */
    int width;        /* px, as measured (without the hyphen) */
    int line;         /* line index, from 0 */
    unsigned flags;   /* WRAP_FRAG_HYPHEN */
} WrapFragment;

typedef struct {
    WrapFragment *frags; /* borrowed, caller-owned array of `cap` fragments */
    int cap;             /* e.g. WRAP_MAX_FRAGMENTS */
    int count;           /* out: fragments written, <= cap */
    bool overflow;       /* out: more fragments were needed than cap; the rest are missing
                          * (log it and show what fits: nothing is written past cap) */
    int word_cuts;       /* out: lines that end inside a word at no break opportunity and no
                          * dictionary point ("Vliegtuige-n"): the text does not fit */
    int hyphenations;    /* out: lines that end at a dictionary hyphenation point */
} WrapOutput;

/* The largest text (all runs together) broken by UAX #14; bytes past it break only after
 * spaces. A bundle text is at most 16 KiB (BUNDLE_MAX_TEXT_BYTES). */
enum { WRAP_MAX_BYTES = 16 * 1024 + 64 };

/* Lays out runs[0..run_count) within max_width px and returns the number of lines, counting
 * lines whose fragments did not fit in out (so the height is right even on overflow).
 * Empty input gives 0 lines. The runs' text must outlive the use of the fragments. */
int wrap_text(const WrapRun *runs, int run_count, WrapMeasureFn measure, void *ctx,
              int max_width, WrapOutput *out);
/* The same, with a language and a hyphenator (opts may be NULL: no language, no hyphens). */
int wrap_text_opts(const WrapRun *runs, int run_count, WrapMeasureFn measure, void *ctx,
                   int max_width, const WrapOptions *opts, WrapOutput *out);

/* Bytes of the first UTF-8 character of s: 0 for "", continuation bytes included (never past
 * the terminating NUL). */
size_t utf8_char_len(const char *s);

#endif
