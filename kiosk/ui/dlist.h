/* dlist.h: the display list, the only thing screens produce.
 *
 * A view appends drawing commands and hit areas; a backend draws the commands (window or PNG)
 * and the input code hit-tests the areas. Because both come from one list, what is drawn is
 * what is touchable, and tests can check layout (overflow, target sizes) without pixels.
 *
 * Strings and polygons are borrowed: they point into the Bundle or into the list's own text
 * storage, and must outlive the list (the list is rebuilt for every frame that changes). */
#ifndef KIOSK_DLIST_H
#define KIOSK_DLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle/bundle.h"
#include "ui/geom.h"

typedef enum { FONT_REGULAR, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC, FONT_COUNT } FontId;

typedef enum {
    DL_RECT,   /* filled rounded rectangle */
    DL_FRAME,  /* rounded rectangle outline, `stroke` px wide */
    DL_TEXT,   /* one line of text; r is its box (x, y of the line box, measured width) */
    DL_IMAGE,  /* a bundle image fitted into r (contain, or cover); alpha 0: only decode it,
                  for later */
    DL_ICON,   /* a UI icon from assets/icons, by name, tinted with color */
    DL_QR,     /* a QR code of `text` filling r (square) */
    DL_POLY,   /* filled polygon: point p drawn at (ox + p.x * sx, oy + p.y * sy); r = bounds */
    DL_CLIP,   /* clip later commands to r; r.w == 0 ends clipping */
    DL_VIDEO,  /* an item's clip playing in r (contain), over its poster; alpha 0: a screen
                  below the top one has it, so the window keeps it paused, not stopped */
    DL_GROUP,  /* the next `len` commands are one card or tile inside r, on a plain `color`
                  backdrop: the drawer may draw them once and keep the picture (retained
                  drawing, dlist_group_key) */
} DlKind;

typedef struct DlCmd {
    DlKind kind;
    Rect r;
    uint32_t color; /* 0xRRGGBB */
    uint8_t alpha;  /* 255 = opaque */
    float radius, stroke;
    /* text */
    const char *text;
    size_t len;
    FontId font;
    int px;
    Rect box;     /* DL_TEXT: the box the text must stay inside (for overflow checks) */
    Rect bound;   /* DL_TEXT: the card, tile or button it sits on (w == 0: none), which it must
                   * not leave in either direction */
    bool clipped; /* drawn inside a scrolling clip: vertical overflow is expected there */
    bool placed;  /* laid out for right to left already (a map, which is never mirrored):
                     dlist_mirror leaves it where it is */
    /* image */
    const Image *image;
    float zoom;             /* DL_IMAGE: > 1 draws it that much larger around (focus_x, focus_y), */
    float focus_x, focus_y; /* fractions of r; up to DL_ZOOM_MAX (the attract loop's slow zoom) */
    bool cover;             /* DL_IMAGE: fills r, cut around (crop_x, crop_y): fractions of the
                               picture (ui/fit.h); pictures keep their direction: not mirrored */
    float crop_x, crop_y;
    float decode_w, decode_h; /* DL_IMAGE: > 0: decoded as if shown in a box this large, then
                               contained in r at any scale, also past its pixels: a photo
                               pinch-zoomed full screen keeps one texture while r changes */
    const char *icon;
    bool flip;    /* DL_ICON: drawn mirrored (a back arrow in a right-to-left layout) */
    /* polygon */
    const float *xy;
    size_t n_points;
    const unsigned short *tris; /* its triangles (borrowed from the Bundle); NULL: make them */
    size_t n_tris;
    float ox, oy, sx, sy;
    /* video: the clip, which screen shows it (its opened_ms: coming back to that screen
     * resumes it, a new screen starts it over), and whether it plays muted */
    const Video *video;
    int64_t stamp;
    bool muted;
} DlCmd;

typedef enum {
    ACT_NONE,
    ACT_BACK,
    ACT_HOME,
    ACT_LANGUAGE,      /* switch to the next language */
    ACT_ABOUT,
    ACT_QUIZ,          /* start the quiz */
    ACT_COLLECTION,    /* open .collection */
    ACT_ITEM,          /* open .item */
    ACT_FILTER,        /* .arg = category index, -1 for all */
    ACT_ANSWER,        /* .arg = answer index */
    ACT_QUIZ_AGAIN,
    ACT_PIN_DIGIT,     /* .arg = 0..9 */
    ACT_PIN_ERASE,
    ACT_PIN_OK,
    ACT_ADMIN_RELOAD,
    ACT_ADMIN_PREVIEW,
    ACT_ADMIN_EXIT,
    ACT_TEXT_SIZE,     /* larger text for this visit, or back to normal */
    ACT_VIDEO_SOUND,   /* the clip's sound on, or off again */
    ACT_PICTURE_NEXT,  /* the next picture of the gallery on screen (after the last: the first) */
    ACT_PICTURE_PREV,  /* the one before (before the first: the last) */
    ACT_PHOTO,         /* picture .arg of .item's gallery, full screen */
    ACT_COUNT
} ActionKind;

typedef struct Action {
    ActionKind kind;
    const Collection *collection;
    const Item *item;
    int arg;
} Action;

typedef struct Hit {
    Rect r;
    Action action;
    float radius;
    const Polygon *poly; /* map regions: hit only inside the polygon(s) */
    size_t n_poly;
    float ox, oy, sx, sy; /* polygon transform, as in DL_POLY; r is the shape's bounds */
    Rect clip;           /* visible part (a card half scrolled away is only tappable there) */
    bool placed;         /* as DlCmd.placed */
} Hit;

#define DL_ZOOM_MAX 1.15f

enum { DLIST_MAX_CMDS = 8192, DLIST_MAX_HITS = 1024, DLIST_TEXT_BYTES = 64 * 1024,
       DLIST_MAX_ISSUES = 64 };

/* A text that did not fit where a screen put it, even after stepping its size down and
 * hyphenating: the layout check (`--check`) reports these; the screen shows them anyway. */
typedef enum {
    DL_ISSUE_CUT,        /* cut short with an ellipsis */
    DL_ISSUE_WORD_BREAK, /* broken inside a word where no dictionary allows it */
    DL_ISSUE_TOO_WIDE,   /* a table whose widest words do not fit side by side: `text` is
                          * the cell that misses its column most, `shown` that word */
} DlIssueKind;

typedef struct DlIssue {
    DlIssueKind kind;
    const char *what;  /* "tile title", "chip"...: static */
    const char *text;  /* the whole text as given (borrowed: bundle or interface string) */
    const char *shown; /* what is on screen (list storage), e.g. "Wat is het Techniek…" */
} DlIssue;

typedef struct DisplayList {
    DlCmd cmds[DLIST_MAX_CMDS];
    size_t n_cmds;
    Hit hits[DLIST_MAX_HITS];
    size_t n_hits;
    char text[DLIST_TEXT_BYTES]; /* storage for strings made by the view (e.g. "3 / 7") */
    size_t text_used;
    bool overflow; /* a capacity was reached; the view drew less than it wanted */
    DlIssue issues[DLIST_MAX_ISSUES]; /* texts that did not fit (kept while there is room) */
    size_t n_issues;
    bool widths_only; /* set by the layout check (kept across resets): the list is read for its
                       * issues only, never drawn, so body text is checked word by word (all
                       * that can go wrong there) instead of being laid out line by line */
    Rect clip;     /* current clip, for hits and texts */
    bool clipping;
    bool placing;  /* new commands and hits are `placed` (set and cleared by the view) */
    float width, height; /* the viewport */
} DisplayList;

void dlist_reset(DisplayList *d, float width, float height);
DlCmd *dlist_push(DisplayList *d, DlKind kind, Rect r);
void dlist_rect(DisplayList *d, Rect r, uint32_t color, float radius);
void dlist_frame(DisplayList *d, Rect r, uint32_t color, float radius, float stroke);
void dlist_clip(DisplayList *d, Rect r);
void dlist_unclip(DisplayList *d);
Hit *dlist_hit(DisplayList *d, Rect r, Action a, float radius);
/* Copies a string into the list's storage; returns it (or "" when the storage is full). */
const char *dlist_strdup(DisplayList *d, const char *s);
const char *dlist_printf(DisplayList *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A group of commands (a card, a tile, a chip) that looks the same wherever it is drawn:
 * dlist_group_begin returns its index; dlist_group_end closes it. `backdrop` is the plain
 * colour under r (the page background), which fills the group's corners. Nothing changes in
 * what is drawn: a drawer may draw the group's commands as they are. */
size_t dlist_group_begin(DisplayList *d, Rect r, uint32_t backdrop);
void dlist_group_end(DisplayList *d, size_t at);

/* What the group at `at` looks like, as two 64-bit hashes of every command in it relative to
 * the group's corner: the same for a card scrolled or slid elsewhere, different when any
 * text, colour, size, state, picture or position inside it differs. False when the group
 * cannot be kept as a picture (it holds a clip, a video, a picture only being fetched, or a
 * command reaching outside r): then it is drawn command by command. */
bool dlist_group_key(const DisplayList *d, size_t at, uint64_t key[2]);

/* A hash of everything in one command that reaches the pixels, positions as they are: equal
 * for a command drawn the same in two frames (ui/damage.c compares frames with it). */
uint64_t dlist_cmd_sig(const DlCmd *c);

/* Mirrors the whole list left to right, for a right-to-left interface language: every
 * rectangle, clip, hit area and polygon moves to the other side, icons are flipped; text and
 * pictures keep their own direction (text is ordered by the bidi algorithm when drawn).
 * Commands and hits marked `placed` stay: a map keeps its geography, so its view puts it on
 * the mirrored side itself. */
void dlist_mirror(DisplayList *d);

/* Moves the commands from `first_cmd` and the hit areas from `first_hit` on down by dy
 * (up for dy < 0). Clip commands stay put: what moves, moves within its clip. */
void dlist_shift(DisplayList *d, size_t first_cmd, size_t first_hit, float dy);

/* The topmost hit area at (x, y), or NULL. */
const Hit *dlist_hit_at(const DisplayList *d, float x, float y);

#endif
