/* view_attract.c: the attract loop: what makes a passing pupil stop.
 *
 * Slides (ui_attract_phase) follow each other with a 600 ms cross-fade: an item's picture
 * filling the screen with a slow zoom and drift, a figure set huge, the quiz teaser, the
 * bundle's title. Under them a band invites a touch in every language of the bundle, its
 * colour breathing slowly. Motion is slow on purpose, so frames can be few: 10 a second while
 * a slide drifts, 30 during a cross-fade (the benchmark reports the CPU this costs). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>

#include "core/color.h"
#include "core/util.h"
#include "ui/schedule.h"
#include "ui/widgets.h"

/* Appends s to buf; with `keep`, its spaces become no-break spaces, so each language's
 * invitation stays whole on one line and the lines break only between languages. */
static void append(char *buf, size_t size, size_t *used, const char *s, bool keep)
{
    for (; *s && *used + 3 < size; s++) {
        if (keep && *s == ' ') {
            buf[(*used)++] = '\xC2';
            buf[(*used)++] = '\xA0';
        } else {
            buf[(*used)++] = *s;
        }
    }
    buf[*used] = '\0';
}

/* Sizes in units (widgets.h), times in ms. */
enum {
    ATTRACT_MARGIN = 72,
    ATTRACT_GAP = 48,
    BAND_H = 200,           /* the invitation band, at least */
    BAND_PAD = 40,          /* above and below its lines */
    INVITE_PX = 56,
    INVITE_PX_MANY = 48,    /* three languages or more */
    INVITE_LINES = 3,       /* landscape; portrait has one line per language */
    SLIDE_TITLE_PX = 96,
    SLIDE_TEXT_PX = 42,
    SLIDE_KIND_PX = 36,
    SLIDE_LINE_GAP = 20,
    FIGURE_PX = 240,        /* a figure's numeral: eight times body text */
    BREATH_MS = 2400,       /* one slow pulse of the band */
    DRIFT_FRAME_MS = 100,
    FADE_FRAME_MS = 33,
};

/* How much a slide's picture grows over its time on screen (at most DL_ZOOM_MAX). */
#define SLIDE_ZOOM 0.12f

/* A figure slide: an item with a `figure`, or one whose title is a number ("1.861.000"). */
static bool is_figure(const Ctx *c, const Item *it)
{
    if (it->figure) return true;
    const char *t = T(c, &it->title);
    return t && isdigit((unsigned char)t[0]);
}

/* A light wash of the item's colour over the page colour (it stays dark on a dark theme);
 * without one, a wash of the accent, the text colour or a mix, chosen by the item's id, so
 * one slide is seen to give way to the next. */
static uint32_t wash(const Ctx *c, const Item *it)
{
    if (it->has_color) return color_mix(it->color, c->t->background, 0.82);
    const Theme *t = c->t;
    switch (hash_str(it->id) % 3) {
    case 0: return color_mix(t->accent, t->background, 0.84);
    case 1: return color_mix(t->text, t->background, 0.88);
    default: return color_mix(color_mix(t->accent, t->text, 0.5), t->background, 0.86);
    }
}

typedef struct Stack {
    float x, y, w;
} Stack;

/* Lays a text under the previous one; returns nothing, moves the stack down. */
static void put(Ctx *c, Stack *at, const char *s, TextStyle st, float gap_after)
{
    if (!s || !*s) return;
    at->y += w_text(c, (Rect){at->x, at->y, at->w, 0}, s, st) + gap_after;
}

static float stack_height(Ctx *c, float w, const char *const *texts, const TextStyle *styles, size_t n)
{
    float h = 0;
    for (size_t i = 0; i < n; i++)
        if (texts[i] && *texts[i]) h += w_text_height(c, w, texts[i], styles[i]) + U(c, SLIDE_LINE_GAP);
    return h;
}

/* Texts centred vertically in `area` (in portrait from its top: right under the picture). */
static void text_stack(Ctx *c, Rect area, const char *const *texts, const TextStyle *styles, size_t n)
{
    float h = stack_height(c, area.w, texts, styles, n);
    Stack at = {area.x, area.y + (c->portrait ? 0 : fmaxf(0, (area.h - h) / 2)), area.w};
    for (size_t i = 0; i < n; i++) put(c, &at, texts[i], styles[i], U(c, SLIDE_LINE_GAP));
}

/* The picture side and the text side of a slide: side by side in landscape, picture on top
 * in portrait. The picture side bleeds to the screen's edges. */
static void split(const Ctx *c, Rect stage, Rect *pic, Rect *text)
{
    float m = U(c, ATTRACT_MARGIN);
    if (c->portrait) {
        *pic = (Rect){0, 0, c->w, stage.h * 0.62f};
        *text = (Rect){m, pic->h + U(c, ATTRACT_GAP), c->w - 2 * m, stage.h - pic->h - U(c, ATTRACT_GAP) - m};
    } else {
        float pw = c->w * 0.56f;
        *pic = (Rect){c->w - pw, 0, pw, stage.h};
        *text = (Rect){m, m, c->w - pw - 2 * m, stage.h - 2 * m};
    }
}

/* Returns the picture's command (NULL without a picture). */
static DlCmd *zooming_picture(Ctx *c, Rect r, const Image *img, float progress, size_t index)
{
    if (!img) return NULL;
    /* Each slide drifts towards a different point, so consecutive slides do not move alike. */
    static const float focus[][2] = {{0.3f, 0.35f}, {0.7f, 0.6f}, {0.5f, 0.3f}, {0.35f, 0.7f}};
    const float *f = focus[index % 4];
    dlist_clip(c->d, r);
    DlCmd *p = dlist_push(c->d, DL_IMAGE, (Rect){r.x + r.w * 0.06f, r.y + r.h * 0.08f, r.w * 0.88f, r.h * 0.84f});
    p->image = img;
    p->zoom = 1.0f + SLIDE_ZOOM * fminf(fmaxf(progress, 0), 1.1f);
    p->focus_x = f[0];
    p->focus_y = f[1];
    dlist_unclip(c->d);
    return p;
}

/* The next slide's picture, invisible, in the last part of a slide: it is decoded then (on the
 * drawer's worker in the window), not in the middle of the cross-fade. */
static void prefetch(Ctx *c, Rect stage, AttractSlide next, size_t index)
{
    const Image *img = next.kind == SLIDE_QUIZ && c->b->quiz ? c->b->quiz->icon
                       : next.kind == SLIDE_ITEM && next.item && !is_figure(c, next.item) ? next.item->image
                                                                                        : NULL;
    Rect pic, text;
    split(c, stage, &pic, &text);
    DlCmd *p = zooming_picture(c, pic, img, 0, index);
    if (p) p->alpha = 0;
}

/* Above an item's title: when it runs today ("Now · until 15:00 · Aula", "Today 14:15 ·
 * Aula"), so an open day's slides invite to what is still to come; else its collection. */
static const char *session_today(Ctx *c, const Item *it)
{
    LocalTime now;
    schedule_local((c->now_ms + c->s->wall_offset_ms) / 1000, &now);
    int16_t from = 0, to = 0;
    bool running = false;
    if (!it->n_when || !schedule_item_next(it, &now, &from, &to, &running))
        return T(c, &it->collection->title);
    const char *where = T(c, &it->where);
    bool place = where && *where;
    if (running)
        return dlist_printf(c->d, "%s \u00b7 %02d:%02d\u2013%02d:%02d%s%s", S(c, STR_NOW), from / 60,
                            from % 60, to / 60, to % 60, place ? " \u00b7 " : "", place ? where : "");
    return dlist_printf(c->d, "%s %02d:%02d%s%s", S(c, STR_TODAY), from / 60, from % 60,
                        place ? " \u00b7 " : "", place ? where : "");
}

static void item_slide(Ctx *c, Rect stage, const Item *it, float progress, size_t index)
{
    const Theme *t = c->t;
    TextStyle kind = {FONT_BOLD, PX(c, SLIDE_KIND_PX), t->accent, 1, false, NULL};
    TextStyle sub = {FONT_REGULAR, PX(c, SLIDE_TEXT_PX), t->text, 3, false, "attract subtitle"};
    Rect pic, text;
    kind.max_lines = it->n_when ? 2 : 1; /* a session's time and place may take two */
    if (is_figure(c, it)) {
        /* The number is the picture: huge, light on the text colour, with what it counts and
         * its year under it. */
        dlist_rect(c->d, stage, t->text, 0);
        kind.color = color_mix(t->background, t->text, 0.25);
        sub.color = t->background;
        Rect a = {U(c, ATTRACT_MARGIN), U(c, ATTRACT_MARGIN), c->w - 2 * U(c, ATTRACT_MARGIN),
                  stage.h - 2 * U(c, ATTRACT_MARGIN)};
        TextStyle num = {FONT_BOLD, PX(c, FIGURE_PX * (c->portrait ? 0.8f : 1.0f)), t->background, 1, false, "attract figure"};
        const char *texts[] = {T(c, &it->collection->title), figure_or_title(c, it),
                               figure_caption(c, it)};
        TextStyle styles[] = {kind, num, sub};
        float h = stack_height(c, a.w, texts, styles, 3);
        text_stack(c, (Rect){a.x, a.y + fmaxf(0, (a.h - h) / 2), a.w, h}, texts, styles, 3);
        return;
    }
    dlist_rect(c->d, stage, wash(c, it), 0);
    split(c, stage, &pic, &text);
    if (it->video && !it->image && it->video->poster)
        zooming_picture(c, pic, it->video->poster, progress, index);
    else
        zooming_picture(c, pic, it->image, progress, index);
    if (it->video) w_attract_video(c, pic, it, c->s->attract_ms + (int64_t)index);
    TextStyle title = {FONT_BOLD, PX(c, SLIDE_TITLE_PX), t->text, 3, false, "attract title"};
    const char *texts[] = {session_today(c, it), T(c, &it->title), T(c, &it->subtitle)};
    TextStyle styles[] = {kind, title, sub};
    text_stack(c, text, texts, styles, 3);
}

static void quiz_slide(Ctx *c, Rect stage, float progress, size_t index)
{
    const Theme *t = c->t;
    const Quiz *q = c->b->quiz;
    /* Darker than the band below it, so the invitation stays a band of its own. */
    dlist_rect(c->d, stage, color_mix(t->accent, t->text, 0.45), 0);
    Rect pic, text;
    split(c, stage, &pic, &text);
    zooming_picture(c, pic, q ? q->icon : NULL, progress, index);
    TextStyle title = {FONT_BOLD, PX(c, SLIDE_TITLE_PX), t->on_accent, 3, false, "attract title"};
    TextStyle sub = {FONT_REGULAR, PX(c, SLIDE_TEXT_PX), t->on_accent, 3, false, "attract subtitle"};
    const char *texts[] = {q ? T(c, &q->title) : "", q ? T(c, &q->intro) : ""};
    TextStyle styles[] = {title, sub};
    text_stack(c, text, texts, styles, 2);
}

static void title_slide(Ctx *c, Rect stage)
{
    const Theme *t = c->t;
    const Bundle *b = c->b;
    dlist_rect(c->d, stage, t->background, 0);
    float m = U(c, ATTRACT_MARGIN), logo = fminf(stage.h * 0.3f, U(c, 260));
    TextStyle title = {FONT_BOLD, PX(c, SLIDE_TITLE_PX * 1.5f), t->text, 2, true, "attract title"};
    TextStyle sub = {FONT_REGULAR, PX(c, SLIDE_TEXT_PX), t->muted, 3, true, "attract subtitle"};
    const char *name = T(c, &b->home_title);
    if (!name || !*name) name = T(c, &b->title);
    const char *texts[] = {name, T(c, &b->home_subtitle)};
    TextStyle styles[] = {title, sub};
    float w = c->w - 2 * m, h = stack_height(c, w, texts, styles, 2) + (t->logo ? logo + U(c, ATTRACT_GAP) : 0);
    float y = fmaxf(m, (stage.h - h) / 2);
    if (t->logo) {
        /* A logo is often a wide mark: give it the width, it keeps its shape (contain). */
        DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){m, y, c->w - 2 * m, logo});
        img->image = t->logo;
        y += logo + U(c, ATTRACT_GAP);
    }
    Stack at = {m, y, w};
    for (size_t i = 0; i < 2; i++) put(c, &at, texts[i], styles[i], U(c, SLIDE_LINE_GAP));
}

static void slide(Ctx *c, Rect stage, AttractSlide s, float progress, size_t index)
{
    switch (s.kind) {
    case SLIDE_ITEM:
        if (s.item) item_slide(c, stage, s.item, progress, index);
        break;
    case SLIDE_QUIZ: quiz_slide(c, stage, progress, index); break;
    case SLIDE_TITLE: title_slide(c, stage); break;
    }
}

/* The invitation, in every language of the bundle: a band at the bottom, as high as its
 * lines (one per language in portrait, up to three in landscape), its colour breathing. */
static Rect band(Ctx *c, int64_t now_ms)
{
    const Bundle *b = c->b;
    const Theme *t = c->t;
    float m = U(c, ATTRACT_MARGIN);
    char invite[1024] = "";
    size_t used = 0;
    for (size_t l = 0; l < b->n_languages && used < sizeof invite; l++) {
        if (l) append(invite, sizeof invite, &used, c->portrait ? "\n" : "  \xC2\xB7  ", false);
        append(invite, sizeof invite, &used, bundle_ui_text(b, l, STR_TOUCH_TO_START),
               b->n_languages > 1);
    }
    int lines = c->portrait ? (int)b->n_languages : INVITE_LINES;
    TextStyle inv = {FONT_BOLD, PX(c, b->n_languages > 2 ? INVITE_PX_MANY : INVITE_PX), t->on_accent,
                     lines, true, NULL};
    float ih = w_text_height(c, c->w - 2 * m, invite, inv);
    float band_h = fmaxf(U(c, BAND_H), ih + 2 * U(c, BAND_PAD));
    Rect r = {0, c->h - band_h, c->w, band_h};
    double phase = (double)(now_ms % BREATH_MS) / BREATH_MS;
    float breath = (float)(0.5 - 0.5 * cos(2 * M_PI * phase)); /* 0..1..0 */
    /* Towards the text colour, so the invitation keeps its contrast at every moment. */
    dlist_rect(c->d, r, color_mix(t->accent, t->text, 0.22 * breath), 0);
    c->bound = r;
    w_text(c, (Rect){m, r.y + (band_h - ih) / 2, c->w - 2 * m, 0}, dlist_strdup(c->d, invite), inv);
    c->bound = (Rect){0};
    return r;
}

/* Fades commands [first, end) in: their alpha times `fade`. */
static void fade_in(DisplayList *d, size_t first, float fade)
{
    for (size_t i = first; i < d->n_cmds; i++) d->cmds[i].alpha = (uint8_t)lroundf(d->cmds[i].alpha * fade);
}

void view_attract(Ctx *c, int64_t now_ms)
{
    AttractPhase p;
    dlist_rect(c->d, (Rect){0, 0, c->w, c->h}, c->t->background, 0);
    if (!ui_attract_phase(c->s, now_ms, &p)) return;
    /* The band is measured first: the slides fill what is above it. */
    size_t mark = c->d->n_cmds;
    Rect b = band(c, now_ms);
    c->d->n_cmds = mark;
    Rect stage = {0, 0, c->w, b.y};
    if (p.fade < 1.0f) {
        slide(c, stage, p.before, 1.0f + p.progress, p.index - 1);
        size_t first = c->d->n_cmds;
        slide(c, stage, p.slide, p.progress, p.index);
        fade_in(c->d, first, p.fade);
    } else {
        slide(c, stage, p.slide, p.progress, p.index);
    }
    if (p.progress > 0.7f) prefetch(c, stage, ui_attract_nth(c->b, p.index + 1), p.index + 1);
    band(c, now_ms);
    int frame = p.fade < 1.0f ? FADE_FRAME_MS : DRIFT_FRAME_MS;
    view_animate(c->info, frame);
}
