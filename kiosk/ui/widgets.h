/* widgets.h: the building blocks the screens share (internal to ui/).
 *
 * Every widget appends to the display list and, when tappable, registers its hit area with
 * the same rectangle it drew, so a button can never be drawn in one place and tapped in
 * another. */
#ifndef KIOSK_WIDGETS_H
#define KIOSK_WIDGETS_H

#include "ui/strings.h"
#include "ui/view.h"

typedef struct Ctx {
    DisplayList *d;
    const UiState *s;
    const Bundle *b;
    const Theme *t;
    const TextMeasure *m;
    float w, h;   /* viewport */
    float u;      /* one design unit in px */
    float text_scale; /* 1, or UI_LARGE_TEXT after "A+": PX() sizes text with it */
    bool portrait;
    size_t lang;
    const char *code; /* language code, for UI strings */
    Rect content;     /* the area above the bottom bar */
    Rect bound;       /* the container texts are being laid out on (w == 0: none) */
    ViewInfo *info;
    int64_t now_ms;   /* the session's clock, for motion */
} Ctx;

/* Design sizes in units (see DESIGN-BRIEF: titles >= 56, body >= 28, nothing < 22 at 1080p). */
enum {
    SZ_MARGIN = 48,
    SZ_GAP = 24,
    SZ_RADIUS = 24,
    SZ_TARGET = 100, /* minimum touch target side */
    SZ_BAR = 136,    /* bottom bar height */
    SZ_PERSON_TEXT = 200, /* a person's card: the text below the picture */
    PX_HERO = 76,
    PX_TITLE = 60,
    PX_CARD_TITLE = 34,
    PX_BODY = 30,
    PX_SMALL = 26,
    PX_BUTTON = 30,
};

static inline float U(const Ctx *c, float units) { return units * c->u; }
/* A text size (and lengths measured in text, like a line's width in characters). */
static inline int PX(const Ctx *c, float units) { return (int)(units * c->u * c->text_scale + 0.5f); }
static inline const char *T(const Ctx *c, const Text *t) { return text_get(t, c->lang); }
static inline const char *S(const Ctx *c, StringId id) { return bundle_ui_text(c->b, c->lang, id); }

typedef struct TextStyle {
    FontId font;
    int px;
    uint32_t color;
    int max_lines; /* 0: no limit; else cut with an ellipsis */
    bool center;
    const char *what; /* "tile title"...: fit it (step down to 80 %, then hyphenate) and report
                       * to --check what still does not fit; NULL: neither */
} TextStyle;

/* Lays out and draws `s` in box (x, y, w; h ignored); returns the height used. */
float w_text(Ctx *c, Rect box, const char *s, TextStyle st);
/* Whether s fits in `width` and st.max_lines, after fitting (no ellipsis, no word broken
 * where no dictionary allows it). */
bool w_text_fits(Ctx *c, float width, const char *s, TextStyle st);
/* The title in the current language, or its short_title (when given) where it does not fit. */
const char *w_title_that_fits(Ctx *c, float width, const Text *title, const Text *short_title,
                              TextStyle st);
/* Measures without drawing. */
float w_text_height(Ctx *c, float width, const char *s, TextStyle st);
float w_text_width(Ctx *c, const char *s, FontId font, int px);
/* The height of one line of text at px. */
float w_line_height(int px);
/* Body text (paragraphs and bullets); returns the height used. */
float w_body(Ctx *c, Rect box, const Body *body, int px, uint32_t color);

/* Something touchable's face: filled, with an edge where the fill alone does not stand out
 * 3:1 from the page (WCAG 1.4.11), so every card, tile and button shows where it ends. */
void w_surface(Ctx *c, Rect r, uint32_t fill, float radius);

typedef enum { BTN_SURFACE, BTN_ACCENT, BTN_QUIET } ButtonKind;
/* A labelled button with an optional icon; its hit area is the whole rect. */
void w_button(Ctx *c, Rect r, const char *label, const char *icon, ButtonKind kind, Action a);
/* The width a button needs to show its label and icon whole. */
float w_button_width(Ctx *c, const char *label, const char *icon);
/* A pill-shaped chip sized to its label; returns its width. `selected` fills it with accent. */
float w_chip_width(Ctx *c, const char *label);
void w_chip(Ctx *c, Rect r, const char *label, bool selected, Action a);
/* An item's picture fitted in r, or a monogram when it has none. */
void w_picture(Ctx *c, Rect r, const Image *img, const Text *title, uint32_t tint);
/* The panel colour behind an item's picture: the theme's picture_panel, tinted with the
 * item's colour (or a touch of accent). */
uint32_t w_picture_tint(const Ctx *c, const Item *it);
/* The site a link leads to, as people say it: "kiesmbo.nl" for "https://www.kiesmbo.nl/x"
 * (list storage). */
const char *w_link_site(Ctx *c, const char *url);
/* Links as QR codes on a surface panel at box (x, y, w; h ignored), each captioned with its
 * site ("Scan: kiesmbo.nl") and its own caption: one code beside its caption, several in a
 * row. Draws only when `draw`; returns the height the panel takes either way. */
float w_qr_panel(Ctx *c, Rect box, const Link *links, size_t n, bool draw);
/* An item's picture: the item's place on its map when it is a region (it has a shape), else
 * w_picture. */
void w_item_picture(Ctx *c, Rect r, const Item *it, uint32_t tint);
/* video_panel.c: the item's clip in r, on the screen opened at opened_ms, with its poster,
 * captions and sound button; asks for frames while it is on screen. */
void w_video(Ctx *c, Rect r, const Item *it, int64_t opened_ms);
/* The clip of an attract slide in r (muted, no controls); `stamp` names the slide. */
void w_attract_video(Ctx *c, Rect r, const Item *it, int64_t stamp);
/* Marks the clips of item screens below the top one as kept (paused, not stopped). */
void w_kept_videos(DisplayList *d, const UiState *s);

/* Maps (view_map.c). A region's fill colour: its `color`, else one of five in turn. */
uint32_t w_map_color(const Item *it);
/* Pushes a region's polygons (with the loader's triangles) at screen = o + map * s. */
void w_map_region(DisplayList *d, const Item *it, float ox, float oy, float s, uint32_t color,
                  uint8_t alpha);
/* The whole map of focus's collection in `box`, light, with `focus` in its own colour. */
void w_map(Ctx *c, Rect box, const Item *focus);
/* The largest part of a region's shape (where its name goes), or NULL when it has none. */
const Polygon *w_map_main_part(const Item *it);
/* Starts drawing a map or plan into `box`; returns the box where it goes on screen (the
 * mirrored one for a right-to-left language, where what follows is `placed`, as geography is
 * never mirrored). End with w_map_end. */
Rect w_map_begin(Ctx *c, Rect box);
void w_map_end(Ctx *c);
/* The frame of a map or plan screen: the heading, and where the picture and the list of its
 * places go (landscape: picture left, heading and list right; portrait: heading, picture, list
 * below). `n_rows` is how many list rows of SZ_TARGET to make room for. Returns the number of
 * list columns (portrait: 2 when one column would leave the picture too little height). */
size_t w_map_frame(Ctx *c, const Collection *col, size_t n_rows, Rect *map_box, Rect *list_box);
/* Floor plans (view_plan.c): a `plan` collection, and on a place's own page (and its rows)
 * the plan with that place marked. */
void view_plan(Ctx *c, const Screen *sc);
void w_plan(Ctx *c, Rect box, const Item *place);
/* A card for an item, as used in grids and quiz results. */
void w_item_card(Ctx *c, Rect r, const Item *it);
/* A row for an item, as used in lists. */
void w_item_row(Ctx *c, Rect r, const Item *it);
/* A screen title (and optional intro) at the top of the content; returns the y below it. */
float w_header(Ctx *c, const char *title, const char *intro);
/* The y below that header, without drawing it. */
float w_header_height(Ctx *c, const char *title, const char *intro);

/* view_gallery.c: a picture in r as `fit` says (FIT_FRAMED: w_picture's panel and margin). */
void w_fitted_picture(Ctx *c, Rect r, const Image *img, PictureFit fit, uint32_t tint);
/* An item's gallery in r: the picture on top, dots, caption and credit below (the picture
 * gets r.h less gallery_below); it opens full screen, the arrows and a swipe step through. */
void gallery_panel(Ctx *c, Rect r, const Screen *sc);
/* The height under the gallery's picture at width w (the tallest caption and credit). */
float gallery_below(Ctx *c, float w, const Item *it);
/* A gallery picture full screen (SCREEN_PHOTO). */
void view_photo(Ctx *c, const Screen *sc);

/* Screens (one file each). */
void view_home(Ctx *c);
void view_collection(Ctx *c, const Screen *sc);
void view_map(Ctx *c, const Screen *sc);
void view_item(Ctx *c, const Screen *sc);
void view_quiz(Ctx *c);
void view_result(Ctx *c);
void view_about(Ctx *c, const Screen *sc);
void view_attract(Ctx *c, int64_t now_ms);
void view_pin(Ctx *c);
void view_admin(Ctx *c);
/* view_figures.c: a `figures` collection in `area`; and on an item's page, the panel with its
 * numeral, year, source and chart where the picture would be (see figure_panel there). */
void view_figures(Ctx *c, const Screen *sc, Rect area);
/* A timetable (view_schedule.c): one day's sessions, now and next first. */
void view_schedule(Ctx *c, const Screen *sc, Rect area);
/* The day timetable `col` shows at the session's wall clock (ui/schedule.h), asking for the
 * screen to be built again when a session starts or ends or the day turns. */
struct ScheduleDay;
void w_schedule_day(Ctx *c, const Collection *col, struct ScheduleDay *day);
/* "Saturday 13 March" (a date) in the screen's language, copied into the display list. */
const char *w_date_text(Ctx *c, int32_t day);
/* "Saturday 13 March, 10:00–10:45" or "Wednesday, Friday, 15:00–16:30" (copied). */
const char *w_session_text(Ctx *c, const TimeSlot *slot);
/* view_table.c: an item's table (caption, header row, zebra rows) at (x, y) in at most
 * `room` px of width; returns its height. */
float w_table(Ctx *c, float x, float y, float room, const Table *t);
float figure_panel(Ctx *c, Rect r, const Item *it, int64_t opened_ms, bool draw);
/* An item's figure as the language writes it ("1.861.000"), or its title when it has none;
 * and its year with what it counts ("2023 · mensen met een technisch beroep"), or the
 * subtitle alone. */
const char *figure_or_title(Ctx *c, const Item *it);
const char *figure_caption(Ctx *c, const Item *it);

#endif
