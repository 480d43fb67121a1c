/* bundle.h: the content model, as loaded from a bundle folder.
 *
 * A Bundle is immutable after bundle_load() and owns all of its memory through one arena:
 * every pointer below is owned by the bundle and valid until bundle_free(). No SDL here.
 *
 * Texts are stored once per declared language with the fallback already applied, so the
 * screens never need to know which languages an organiser forgot. */
#ifndef KIOSK_BUNDLE_H
#define KIOSK_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "bundle/diag.h"
#include "bundle/webvtt.h"
#include "lang/numfmt.h"
#include "lang/uitext.h"

enum {
    BUNDLE_MAX_LANGS = 8,
    QUIZ_WHY_MAX = 24, /* characters in an answer's `why`; --check warns beyond */
    BUNDLE_MAX_ITEMS = 10000,
    BUNDLE_MAX_FILES = 64,
    BUNDLE_MAX_TEXT_BYTES = 16384,
    BUNDLE_MAX_IMAGE_BYTES = 32 * 1024 * 1024,
    /* An SVG is parsed whole each time it is drawn at a new size: 32 MB of paths took 16 s
     * and 280 MB; 8 MB keeps one under 5 s and 80 MB. */
    BUNDLE_MAX_SVG_BYTES = 8 * 1024 * 1024,
    /* Picture files a bundle holds open (well under the usual limit of 1,024 descriptors, with
     * two bundles alive during a swap); pictures past it are read by path only. */
    BUNDLE_MAX_KEPT_FILES = 256,
    BUNDLE_MAX_IMAGE_SIDE = 8192,
    /* checked from the decoder's own header read, at --check and again before decoding */
    BUNDLE_MAX_IMAGE_PIXELS = BUNDLE_MAX_IMAGE_SIDE * BUNDLE_MAX_IMAGE_SIDE,
    /* Points of all map shapes together: drawing and hit-testing cost grows with them. */
    BUNDLE_MAX_SHAPE_POINTS = 20000,
    /* Items of a `figures` collection: a wall of key figures, laid out whole every frame. */
    BUNDLE_MAX_FIGURES = 64,
    /* Places on one floor plan: each is a marker, a name and a row of the list beside it. */
    BUNDLE_MAX_PLACES = 40,
    BUNDLE_FORMAT = 1,
};

/* A text in every language of the bundle; s[i] is never NULL for i < n_languages when the
 * text was given (missing languages point at the default language's string). An absent
 * optional text has all s[i] == NULL. */
typedef struct Text {
    const char *s[BUNDLE_MAX_LANGS];
} Text;

typedef enum { SPAN_BOLD = 1, SPAN_ITALIC = 2 } SpanStyle;

typedef struct Span {
    const char *text; /* UTF-8; may contain '\n' for a hard line break */
    unsigned style;   /* SpanStyle bits */
} Span;

typedef enum { BLOCK_PARAGRAPH, BLOCK_BULLET } BlockKind;

typedef struct Block {
    BlockKind kind;
    const Span *spans;
    size_t n_spans;
} Block;

/* Body text after Markdown parsing: paragraphs and bullets made of styled spans. */
typedef struct Body {
    const Block *blocks;
    size_t n_blocks;
} Body;

typedef enum { IMAGE_SVG, IMAGE_PNG, IMAGE_JPEG } ImageType;

typedef struct Image {
    const char *rel;  /* as written in the bundle, e.g. "images/logo.svg" */
    const char *path; /* resolved path inside the bundle folder */
    /* "/proc/self/fd/N": the file as it was checked, held open by the bundle, so a kept bundle
     * still shows its pictures after its folder is deleted (NULL past BUNDLE_MAX_KEPT_FILES) */
    const char *kept;
    ImageType type;
    int width, height; /* pixels for PNG/JPEG from the file header; 0 for SVG */
} Image;

/* Limits of a video clip (content/README.md, "Videos"). The loader checks the file's size;
 * `--check` and the player read the rest from the stream itself, through the media library. */
enum {
    VIDEO_MAX_MB = 256,
    VIDEO_MAX_LONG_SIDE = 1920, /* landscape 1920 x 1080 or portrait 1080 x 1920 at most */
    VIDEO_MAX_SHORT_SIDE = 1080,
    VIDEO_MAX_SECONDS = 30 * 60,
};

/* A video clip in place of an item's picture. */
typedef struct Video {
    const char *rel;     /* as written in the bundle, e.g. "videos/welder.mp4" */
    const char *path;    /* resolved path inside the bundle folder */
    long long bytes;
    const Image *poster; /* shown until the first frame and wherever the clip cannot play;
                            NULL: the item's picture (or an empty panel) */
    VttTrack captions[BUNDLE_MAX_LANGS]; /* per language of the bundle; n == 0: none */
    bool loop, muted;    /* muted: starts muted (a visitor can turn the sound on) */
    const char *file;    /* where `file:` was written (diagnostics name), for --check */
    int line, col;
} Video;

typedef struct Fact {
    Text label, value;
} Fact;

typedef struct Link {
    const char *url;
    Text caption;
} Link;

typedef struct Source {
    Text title;
    const char *url; /* NULL when none */
} Source;

typedef struct Polygon {
    const float *xy; /* x0, y0, x1, y1, ... in the collection's map coordinates */
    size_t n_points;
    const unsigned short *tris; /* triangles as index triples, made once by the loader */
    size_t n_tris;
    float area;                 /* in map units squared */
    float label_x, label_y;     /* where a name sits clear of the outline (poly_label_point) */
} Polygon;

/* A number shown as the hero of its item: value / 10^decimals, exact (see lang/numfmt.h). */
typedef struct Figure {
    int64_t value;
    int decimals;  /* 0..NUMFMT_MAX_DECIMALS */
    NumUnit unit;  /* NUM_PLAIN or NUM_PERCENT */
    bool or_more;  /* shown with a "+" ("70.000+") */
    Text year;     /* when it was counted: "2023", "2017/18", "4e kwartaal 2023" */
} Figure;

/* One bar of an item's chart: a value in the item's figure unit, and its year. */
typedef struct SeriesPoint {
    Text year;
    int64_t value; /* >= 0, scaled by 10^decimals like Figure.value */
    int decimals;
} SeriesPoint;

enum { SERIES_MIN_POINTS = 2, SERIES_MAX_POINTS = 12 };

/* When an item takes place (a workshop, a talk): on one date, or on some days of every week,
 * from..to in the kiosk's local time. A `schedule` collection lists these by time with "now"
 * and "next" marked (ui/schedule.h). */
enum { WHEN_WEEKLY = INT32_MIN, WHEN_MAX_SLOTS = 32 };
typedef struct TimeSlot {
    int32_t date;     /* days since 1970-01-01 of a calendar date, or WHEN_WEEKLY */
    uint8_t days;     /* WHEN_WEEKLY: bit n set when it runs on tm_wday n (0 = Sunday) */
    int16_t from, to; /* minutes after midnight; from < to <= 24 * 60 */
} TimeSlot;

/* A small table on an item's page (opening hours, a price list): a few columns, short rows,
 * every cell a Text. Limits keep it readable from two metres on every screen size. */
enum { TABLE_MAX_COLUMNS = 4, TABLE_MAX_ROWS = 20 };
typedef struct Table {
    Text caption;       /* its heading above it; may be absent */
    const Text *header; /* n_columns headings, or NULL: no header row */
    const Text *cells;  /* n_rows * n_columns, row by row */
    size_t n_columns, n_rows;
} Table;

typedef struct Collection Collection;

/* How a picture fills its box (content/README.md, "How a picture fills its box"). */
typedef enum {
    FIT_FRAMED,  /* not given: on the item's coloured panel with a margin (icons, drawings) */
    FIT_CONTAIN, /* the whole picture, as large as the box allows, edge to edge */
    FIT_COVER,   /* fills the box; what sticks out is cut off, around the focus */
} FitKind;

typedef struct PictureFit {
    FitKind kind;
    float focus_x, focus_y; /* what stays in view with FIT_COVER: fractions of the picture's
                               width and height from its top left (0.5, 0.5: the middle) */
} PictureFit;

/* One picture of an item's gallery. */
enum { GALLERY_MAX_PICTURES = 24 };
typedef struct GalleryPicture {
    const Image *image;
    Text caption;     /* may be absent */
    Text credit;      /* who made it ("Foto: ..."); always given, always shown */
    PictureFit fit;   /* on the item page (FIT_COVER unless given); full screen: contained */
} GalleryPicture;

typedef struct Item {
    const char *id;
    Text title, subtitle;
    Text short_title; /* for cards, rows and tiles where the title does not fit; may be absent */
    Body body[BUNDLE_MAX_LANGS];
    const Image *image; /* NULL when none */
    const Video *video; /* NULL when none; plays where the picture would be */
    PictureFit image_fit; /* how `image` fills its box */
    const GalleryPicture *gallery; /* shown where the picture would be (n_gallery == 0: none) */
    size_t n_gallery;
    const int *categories; /* indices into collection->categories */
    size_t n_categories;
    const char *const *tags;
    size_t n_tags;
    const Fact *facts;
    size_t n_facts;
    const Link *links;
    size_t n_links;
    const Source *sources; /* where the item's figures and dates come from; shown small */
    size_t n_sources;
    const struct Item *const *related;
    size_t n_related;
    const Polygon *shape;
    size_t n_shape;
    /* A place on a floor plan: its pin (a point in the plan's coordinates), where its marker
     * stands; without one, the marker stands at its shape's label point. */
    float pin_x, pin_y;
    bool has_pin;
    const Figure *figure; /* NULL when the item is not a figure; its source is sources[0] */
    const SeriesPoint *series; /* a chart of the figure over the years (n_series == 0: none) */
    size_t n_series;
    const TimeSlot *when; /* its sessions, sorted by date and time (n_when == 0: none) */
    size_t n_when;
    Text where;           /* where it takes place ("Lokaal B1.12"); may be absent */
    const Table *table;   /* NULL when none */
    uint32_t color; /* 0xRRGGBB */
    bool has_color;
    const Collection *collection;
    size_t index; /* position in collection->items */
} Item;

typedef struct Category {
    const char *id;
    Text title;
    const Image *icon;
} Category;

typedef enum {
    LAYOUT_GRID,
    LAYOUT_LIST,
    LAYOUT_CARDS,
    LAYOUT_MAP,
    LAYOUT_FIGURES,
    LAYOUT_SCHEDULE,
    LAYOUT_PLAN, /* a floor plan: a picture with places as pins or shapes (ui/plan.h) */
} Layout;

struct Collection {
    const char *id;
    Text title, intro;
    const Image *icon;
    Layout layout;
    const Category *categories;
    size_t n_categories;
    float map_w, map_h; /* a map's map_size; a plan's picture size (its coordinate space) */
    const Image *plan;  /* LAYOUT_PLAN: the picture drawn under the places */
    const Item *items;
    size_t n_items;
    size_t index; /* position in bundle->collections */
};

typedef enum { TARGET_COLLECTION, TARGET_ITEM, TARGET_QUIZ, TARGET_ABOUT } TargetKind;

typedef struct Tile {
    TargetKind kind;
    const Collection *collection; /* for TARGET_COLLECTION */
    const Item *item;             /* for TARGET_ITEM */
    Text title, subtitle;         /* filled from the target when the tile gives none */
    Text short_title;             /* where the title does not fit; may be absent */
    const Image *image;
    uint32_t color;
    bool has_color;
} Tile;

typedef struct Score {
    const Item *item;
    int points;
} Score;

typedef struct Answer {
    Text text;
    Text why; /* 1-3 words for the result's "you chose ..." line; may be absent */
    const Score *scores;
    size_t n_scores;
} Answer;

typedef struct Question {
    Text text;
    const Answer *answers;
    size_t n_answers;
} Question;

typedef struct Quiz {
    Text title, intro;
    const Image *icon;
    const Question *questions;
    size_t n_questions;
    Text result_title, result_text;
    int result_count;
} Quiz;

typedef struct Theme {
    uint32_t background, surface, text, muted, accent, on_accent; /* 0xRRGGBB */
    /* The edge of cards, tiles and buttons: given, or the mix of surface and text that
     * stands out 3:1 from page and card (WCAG 1.4.11, non-text contrast). */
    uint32_t edge;
    uint32_t picture_panel; /* behind pictures and monograms; default: from surface and
                             * background, so a dark theme gets a dark panel */
    const char *font, *heading_font;
    const char *fonts_dir; /* the bundle's fonts/ folder when it holds TTF/OTF files, or NULL */
    const Image *logo;
} Theme;

/* One slide of the attract loop: an item (its picture, or its figure as a big number), the
 * quiz teaser, or the bundle's title and logo. */
typedef enum { SLIDE_ITEM, SLIDE_QUIZ, SLIDE_TITLE } SlideKind;
typedef struct AttractSlide {
    SlideKind kind;
    const Item *item; /* SLIDE_ITEM */
} AttractSlide;

typedef struct KioskSettings {
    int idle_timeout_s, attract_delay_s, attract_slide_s;
    const AttractSlide *attract_slides; /* as the bundle lists them; none: chosen (ui/state.c) */
    size_t n_attract_slides;
} KioskSettings;

typedef struct Bundle {
    const char *dir; /* the folder as given */
    const char *id, *version;
    Text title, description, credits;
    const char *languages[BUNDLE_MAX_LANGS];
    size_t n_languages;
    size_t default_language;
    const Source *sources;
    size_t n_sources;
    Theme theme;
    KioskSettings kiosk;
    Text home_title, home_subtitle;
    const Tile *tiles;
    size_t n_tiles;
    const Collection *collections;
    size_t n_collections;
    const Quiz *quiz; /* NULL when the bundle has none */
    const Image *const *images; /* every distinct image file */
    size_t n_images;
    size_t n_items;  /* over all collections */
    size_t n_files;  /* YAML files read */
    size_t bytes;    /* arena size, for the benchmark */
    /* The kiosk's own words per language, resolved while loading: the bundle's `strings:`,
     * else the built-in text of that language, else the default language's. Never NULL. */
    const char *ui_text[BUNDLE_MAX_LANGS][STR_COUNT];
    int kept_fds[BUNDLE_MAX_KEPT_FILES]; /* picture files held open (see Image.kept) */
    size_t n_kept_fds;
    struct Arena *arena;
    const struct TextOrigin *origins; /* where each kept string was written, by address */
    size_t n_origins;
} Bundle;

/* Where a string of the bundle was written: [text, text + len) came from file:line:col. */
typedef struct TextOrigin {
    const char *text;
    size_t len;
    const char *file; /* as in diagnostics: bundle dir + relative name */
    int line, col;
} TextOrigin;

/* The origin of the bundle string that p points into (any byte of it), or NULL for a string
 * that is not the bundle's (an interface text, a number made by a screen). */
const TextOrigin *bundle_text_origin(const Bundle *b, const char *p);

/* Loads and checks the bundle in folder `dir`. Every problem (and warning) is appended to
 * `diags`, which the caller owns. Returns the bundle when there were no errors (warnings are
 * allowed), else NULL. The result is freed with bundle_free(). */
Bundle *bundle_load(const char *dir, Diags *diags);
/* The same, for a program that only shows the problems: every message printed to `out`. */
Bundle *bundle_load_reporting(const char *dir, FILE *out);
void bundle_free(Bundle *b);

/* Lookups by id; NULL when absent. */
const Item *bundle_find_item(const Bundle *b, const char *id);
const Collection *bundle_find_collection(const Bundle *b, const char *id);
/* Index of a language code in b->languages, or -1. */
int bundle_language_index(const Bundle *b, const char *code);

/* The text in language `lang` (an index into b->languages); "" when the text is absent. */
static inline const char *text_get(const Text *t, size_t lang)
{
    return (lang < BUNDLE_MAX_LANGS && t->s[lang]) ? t->s[lang] : "";
}
/* The kiosk's own word `id` in language `lang` (an index into b->languages); never NULL. */
static inline const char *bundle_ui_text(const Bundle *b, size_t lang, StringId id)
{
    const char *s = lang < BUNDLE_MAX_LANGS && (unsigned)id < STR_COUNT ? b->ui_text[lang][id]
                                                                          : NULL;
    return s ? s : "";
}
static inline bool text_present(const Text *t)
{
    return t->s[0] != NULL;
}

#endif
