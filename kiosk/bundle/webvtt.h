/* webvtt.h: captions of a video, from a WebVTT file (pure: text in, cues out).
 *
 * The kiosk shows a caption as plain text under the picture, so the parser keeps what a
 * visitor reads and drops the rest: cue identifiers, settings (position, align...), NOTE,
 * STYLE and REGION blocks, and the inline tags (<b>, <i>, <v Name>, <c.x>, timestamps);
 * the five character references that matter (&amp; &lt; &gt; &nbsp; &lrm;/&rlm;) are
 * decoded. A broken timing line is an error at its line and column (a checker must be able
 * to point at it); a cue that ends before it starts is one too. */
#ifndef KIOSK_WEBVTT_H
#define KIOSK_WEBVTT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

/* A hostile captions file stays small: it is read whole, and cues are looked up per frame. */
enum { VTT_MAX_BYTES = 1024 * 1024, VTT_MAX_CUES = 10000, VTT_MAX_CUE_BYTES = 1024 };

typedef struct VttCue {
    int64_t start_ms, end_ms;
    const char *text; /* lines joined with '\n', tags removed (arena) */
} VttCue;

typedef struct VttTrack {
    const VttCue *cues; /* in file order (arena) */
    size_t n;
} VttTrack;

/* The first problem found: where (1-based) and what, in plain words. */
typedef struct VttError {
    int line, col;
    char what[160];
} VttError;

/* Parses text[0..len). Cues and their texts are allocated in `a` (borrowed, must outlive
 * the track). Returns false with `err` filled on the first error. */
bool vtt_parse(const char *text, size_t len, Arena *a, VttTrack *out, VttError *err);

/* The text shown at `t_ms` into the video (the first cue that covers it), or NULL. */
const char *vtt_text_at(const VttTrack *t, int64_t t_ms);

#endif
