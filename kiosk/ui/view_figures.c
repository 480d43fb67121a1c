/* view_figures.c: key figures: the number as the hero, its year and source, a bar chart.
 *
 * A figures collection is a grid of cards whose numeral is set at least three times the body
 * size. The size is chosen once per screen, from the widest numeral of the collection in the
 * screen's language, and the number of columns from that too: the numeral is never cut and
 * never shrinks below FIG_HERO_MIN, whatever the language writes ("1 861 000", "%42").
 * Cards are as tall as their content and fill columns like a poster wall.
 *
 * On the first view of a screen its numbers count up from zero (VIEW_SETTLE_MS, easing out;
 * the screen asks for frames through view_animate). The count uses the figure's exact scaled
 * value, so the last frame shows exactly the number written in the bundle, as does every
 * picture of a screen opened settled (--render, the layout check). */
#include <math.h>
#include <string.h>

#include "core/color.h"
#include "layout/wrap.h"
#include "ui/chart.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    FIG_HERO_MIN = 96,    /* >= 3 x PX_BODY: the numeral is the hero */
    FIG_HERO_MAX = 150,   /* on a card */
    FIG_PAGE_HERO_MAX = 260, /* on the item's page, where a short one ("14%") may be huge */
    FIG_CARD_MIN_W = 520, /* a caption of about 30 characters a line */
    FIG_MAX_COLS = 4,
    FIG_PAD = 32,
    FIG_GAP = 12,         /* between the numeral, its caption and its note */
    FIG_CAPTION_LINES = 3,
    FIG_NOTE_LINES = 2,
    FIG_CARD_CHART_H = 200,
    FIG_PAGE_CHART_H = 360,
    FIG_CHART_MIN_H = 220,
    FIG_FRAME_MS = 33,    /* count-up frames: 30 a second is smooth for changing digits */
};

/* A line box is 1.3 times the font size, and digits have no accents above them: the numeral
 * moves up into the padding by this fraction of its size (its line box staying on the card),
 * so it sits about as close to the card's top edge as its caption does to it. */
#define HERO_LIFT 0.15f

static float hero_lift(const Ctx *c, int hero)
{
    return fminf(HERO_LIFT * (float)hero, U(c, FIG_PAD) * 0.75f);
}

/* The value shown now: counting up on the screen's first view, else exactly the value. */
static int64_t shown_value(Ctx *c, const Figure *f, int64_t opened_ms)
{
    int64_t dt = c->now_ms - opened_ms;
    if (dt < 0 || dt >= VIEW_SETTLE_MS) return f->value;
    view_animate(c->info, FIG_FRAME_MS);
    double t = (double)dt / VIEW_SETTLE_MS, ease = 1 - (1 - t) * (1 - t) * (1 - t);
    return (int64_t)llround((double)f->value * ease);
}

static const char *number_text(Ctx *c, int64_t scaled, int decimals, NumUnit unit, bool more)
{
    char buf[NUMFMT_BYTES];
    return dlist_strdup(c->d, numfmt_format(buf, sizeof buf, scaled, decimals, unit, more, c->code));
}

static const char *figure_text(Ctx *c, const Figure *f, int64_t scaled)
{
    return number_text(c, scaled, f->decimals, f->unit, f->or_more);
}

/* The numeral's colour: the accent where it reads as large text on the surface, else text. */
static uint32_t hero_color(const Ctx *c)
{
    return color_contrast(c->t->accent, c->t->surface) >= 3.0 ? c->t->accent : c->t->text;
}

/* While it counts, a numeral is new every frame: drawn whole, each frame would rasterise a
 * new 100-px string (the benchmark saw 30 ms frames). Drawn glyph by glyph, each digit's
 * picture is made once and cached, placed where the whole string puts it (the width of the
 * text before it, kerning included). Right-to-left screens are mirrored command by command,
 * which would reverse the digits: they draw the string whole. Returns the height. */
static float numeral(Ctx *c, Rect box, const char *s, int px, bool counting)
{
    TextStyle st = {FONT_BOLD, px, hero_color(c), 1, false, "figure"};
    if (!counting || view_rtl(c->code)) return w_text(c, box, s, st);
    float h = w_line_height(px);
    for (size_t i = 0, len = strlen(s); i < len;) {
        size_t n = utf8_char_len(s + i);
        float x0 = (float)c->m->width(c->m->ctx, FONT_BOLD, px, s, i);
        float x1 = (float)c->m->width(c->m->ctx, FONT_BOLD, px, s, i + n);
        DlCmd *cmd = dlist_push(c->d, DL_TEXT, (Rect){box.x + x0, box.y, x1 - x0, h});
        cmd->text = s + i;
        cmd->len = n;
        cmd->font = FONT_BOLD;
        cmd->px = px;
        cmd->color = st.color;
        cmd->box = (Rect){box.x, box.y, box.w, h};
        cmd->bound = c->bound;
        i += n;
    }
    return h;
}

const char *figure_or_title(Ctx *c, const Item *it)
{
    return it->figure ? figure_text(c, it->figure, it->figure->value) : T(c, &it->title);
}

const char *figure_caption(Ctx *c, const Item *it)
{
    const char *sub = T(c, &it->subtitle);
    if (!it->figure) return sub;
    const char *year = T(c, &it->figure->year);
    return *sub ? dlist_printf(c->d, "%s \xC2\xB7 %s", year, sub) : year;
}

/* "2023 · Techniekpact": the year and the source the figure comes from. */
static const char *figure_note(Ctx *c, const Item *it)
{
    const char *year = T(c, &it->figure->year);
    if (it->n_sources == 0) return year;
    return dlist_printf(c->d, "%s \xC2\xB7 %s", year, T(c, &it->sources[0].title));
}

/* The largest size from lo to hi at which the numeral `s` fits in `width`. */
static int hero_px(Ctx *c, const char *s, float width, float lo, float hi)
{
    float at_lo = w_text_width(c, s, FONT_BOLD, PX(c, lo));
    float px = at_lo > 0 ? (float)PX(c, lo) * width / at_lo : U(c, hi);
    return (int)fmaxf(U(c, lo), fminf(floorf(px), U(c, hi)));
}

/* The bar chart of an item's series in r: bars from zero, the value over each bar, the year
 * under it; the latest bar in the accent colour, the earlier ones muted. */
static void chart(Ctx *c, Rect r, const Item *it, int px)
{
    double values[SERIES_MAX_POINTS];
    size_t n = chart_values(it->series, it->n_series, values);
    float line = w_line_height(px), year_h = line;
    /* the years take the lines the longest one needs in its slot (two at most) */
    TextStyle ys = {FONT_REGULAR, px, c->t->muted, 2, true, "chart year"};
    for (size_t i = 0; i < n; i++)
        year_h = fmaxf(year_h, w_text_height(c, r.w / (float)n, T(c, &it->series[i].year), ys));
    ChartGeom g;
    if (!chart_layout(values, n, r, line, year_h + U(c, 4), 0.62f, &g)) return;
    NumUnit unit = it->figure ? it->figure->unit : NUM_PLAIN;
    dlist_rect(c->d, g.baseline, color_mix(c->t->surface, c->t->text, 0.35), 0);
    for (size_t i = 0; i < g.n; i++) {
        const ChartBar *b = &g.bars[i];
        bool last = i + 1 == g.n;
        if (b->bar.h > 0)
            dlist_rect(c->d, b->bar, last ? hero_color(c) : c->t->muted, fminf(U(c, 6), b->bar.w / 4));
        const SeriesPoint *p = &it->series[i];
        w_text(c, b->value, number_text(c, p->value, p->decimals, unit, false),
               (TextStyle){FONT_BOLD, px, c->t->text, 1, true, "chart value"});
        w_text(c, (Rect){b->year.x, b->year.y + U(c, 4), b->year.w, 0}, T(c, &p->year), ys);
    }
}

/* ---- the figures grid ---------------------------------------------------------------- */

typedef struct FigGrid {
    size_t cols;
    float cw, inner; /* card width, and inside its padding */
    int hero;        /* numeral size in px */
} FigGrid;

static const char *caption_of(Ctx *c, const Item *it)
{
    return text_present(&it->subtitle) ? T(c, &it->subtitle) : T(c, &it->title);
}

static TextStyle caption_style(Ctx *c)
{
    return (TextStyle){FONT_REGULAR, PX(c, PX_BODY), c->t->text, FIG_CAPTION_LINES, false,
                       "figure caption"};
}

static TextStyle note_style(Ctx *c)
{
    return (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), c->t->muted, FIG_NOTE_LINES, false,
                       "figure source"};
}

/* Columns and numeral size: as many columns as keep every numeral whole at FIG_HERO_MIN. */
static FigGrid fig_grid(Ctx *c, const Collection *col, float avail)
{
    float g = U(c, SZ_GAP), pad = U(c, FIG_PAD), widest = 0;
    const char *widest_s = "";
    for (size_t i = 0; i < col->n_items; i++) {
        const Figure *f = col->items[i].figure;
        if (!f) continue;
        const char *s = figure_text(c, f, f->value);
        float w = w_text_width(c, s, FONT_BOLD, PX(c, FIG_HERO_MIN));
        if (w > widest) {
            widest = w;
            widest_s = s;
        }
    }
    float min_w = fmaxf(U(c, FIG_CARD_MIN_W), widest + 2 * pad);
    FigGrid fg = {(size_t)fmaxf(1.0f, floorf((avail + g) / (min_w + g))), 0, 0, 0};
    if (fg.cols > FIG_MAX_COLS) fg.cols = FIG_MAX_COLS;
    fg.cw = (avail - g * (float)(fg.cols - 1)) / (float)fg.cols;
    fg.inner = fg.cw - 2 * pad;
    fg.hero = hero_px(c, widest_s, fg.inner, FIG_HERO_MIN, FIG_HERO_MAX);
    return fg;
}

static float card_height(Ctx *c, const FigGrid *fg, const Item *it)
{
    float h = 2 * U(c, FIG_PAD) + w_line_height(fg->hero) - hero_lift(c, fg->hero);
    h += U(c, FIG_GAP) + w_text_height(c, fg->inner, caption_of(c, it), caption_style(c));
    if (it->figure) h += U(c, FIG_GAP) + w_text_height(c, fg->inner, figure_note(c, it), note_style(c));
    if (it->n_series) h += U(c, SZ_GAP) + U(c, FIG_CARD_CHART_H);
    return h;
}

static void figure_card(Ctx *c, const FigGrid *fg, Rect r, const Item *it, int64_t opened_ms)
{
    float pad = U(c, FIG_PAD);
    w_surface(c, r, c->t->surface, U(c, SZ_RADIUS)); /* touchable: with its edge */
    Rect saved = c->bound;
    c->bound = r;
    float x = r.x + pad, y = r.y + pad - hero_lift(c, fg->hero);
    const Figure *f = it->figure;
    int64_t v = f ? shown_value(c, f, opened_ms) : 0;
    y += numeral(c, (Rect){x, y, fg->inner, 0}, f ? figure_text(c, f, v) : T(c, &it->title),
                 fg->hero, f && v != f->value);
    y += U(c, FIG_GAP) + w_text(c, (Rect){x, y + U(c, FIG_GAP), fg->inner, 0}, caption_of(c, it),
                                caption_style(c));
    if (it->figure)
        y += U(c, FIG_GAP) + w_text(c, (Rect){x, y + U(c, FIG_GAP), fg->inner, 0},
                                    figure_note(c, it), note_style(c));
    if (it->n_series)
        chart(c, (Rect){x, r.y + r.h - pad - U(c, FIG_CARD_CHART_H), fg->inner,
                        U(c, FIG_CARD_CHART_H)}, it, PX(c, PX_SMALL));
    c->bound = saved;
    dlist_hit(c->d, r, (Action){.kind = ACT_ITEM, .item = it}, U(c, SZ_RADIUS));
}

/* Cards fall into columns like a wall of posters: each into the column that ends highest
 * (the leftmost of equals), so a figure without a chart leaves no hole under it. */
void view_figures(Ctx *c, const Screen *sc, Rect area)
{
    const Collection *col = sc->collection;
    float g = U(c, SZ_GAP), m = U(c, SZ_MARGIN);
    FigGrid fg = fig_grid(c, col, area.w - 2 * m);
    size_t n = col->n_items < BUNDLE_MAX_FIGURES ? col->n_items : BUNDLE_MAX_FIGURES;
    Rect at[BUNDLE_MAX_FIGURES];
    float bottom[FIG_MAX_COLS] = {0}, content = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        for (size_t j = 1; j < fg.cols; j++)
            if (bottom[j] < bottom[k] - 0.5f) k = j;
        float h = card_height(c, &fg, &col->items[i]);
        at[i] = (Rect){area.x + m + (float)k * (fg.cw + g), bottom[k], fg.cw, h};
        bottom[k] += h + g;
        content = fmaxf(content, bottom[k]);
    }
    content += m - g;
    c->info->scroll_area = area;
    c->info->scroll_viewport = area.h;
    c->info->scroll_content = content;
    float top = area.y - fminf(sc->scroll, fmaxf(0, content - area.h));
    dlist_clip(c->d, area);
    for (size_t i = 0; i < n; i++) {
        Rect r = {at[i].x, top + at[i].y, at[i].w, at[i].h};
        if (r.y + r.h >= area.y && r.y <= area.y + area.h)
            figure_card(c, &fg, r, &col->items[i], sc->opened_ms);
    }
    dlist_unclip(c->d);
}

/* ---- the item's page ----------------------------------------------------------------- */

/* The numeral, its year and source, and the chart, on a panel where the item's picture would
 * be. Given more height than it needs (r.h), the chart grows, or without one the figure sits
 * in the middle; given less, the chart shrinks down to FIG_CHART_MIN_H. Returns the height it
 * needs (draw false) or took. */
float figure_panel(Ctx *c, Rect r, const Item *it, int64_t opened_ms, bool draw)
{
    float pad = U(c, FIG_PAD), inner = r.w - 2 * pad;
    const Figure *f = it->figure;
    int hero = f ? hero_px(c, figure_text(c, f, f->value), inner, FIG_HERO_MIN, FIG_PAGE_HERO_MAX) : 0;
    float head = f ? w_line_height(hero) - hero_lift(c, hero) + U(c, FIG_GAP) +
                     w_text_height(c, inner, figure_note(c, it), note_style(c)) : 0;
    float chart_h = it->n_series ? fminf(U(c, FIG_PAGE_CHART_H), inner * 0.75f) : 0;
    float gap = f && it->n_series ? U(c, SZ_GAP) : 0, need = 2 * pad + head + gap + chart_h;
    if (!draw) return need;
    float spare = r.h > 0 ? r.h - need : 0;
    if (it->n_series) chart_h = fmaxf(fminf(chart_h, U(c, FIG_CHART_MIN_H)), chart_h + spare);
    float h = fmaxf(r.h, 2 * pad + head + gap + chart_h);
    float y = r.y + pad + (it->n_series ? 0 : fmaxf(0, spare / 2));
    dlist_rect(c->d, (Rect){r.x, r.y, r.w, h}, c->t->surface, U(c, SZ_RADIUS));
    Rect saved = c->bound;
    c->bound = (Rect){r.x, r.y, r.w, h};
    float x = r.x + pad;
    if (f) {
        int64_t v = shown_value(c, f, opened_ms);
        y -= hero_lift(c, hero);
        y += numeral(c, (Rect){x, y, inner, 0}, figure_text(c, f, v), hero, v != f->value);
        y += U(c, FIG_GAP) + w_text(c, (Rect){x, y + U(c, FIG_GAP), inner, 0}, figure_note(c, it),
                                    note_style(c));
        y += gap;
    }
    if (it->n_series) chart(c, (Rect){x, y, inner, chart_h}, it, PX(c, PX_BODY));
    c->bound = saved;
    return h;
}


