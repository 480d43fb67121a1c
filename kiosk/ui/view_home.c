/* view_home.c: the bundle's title mark, title and its big tiles.
 *
 * Tiles fill the space below the header in a grid chosen for the orientation (3 columns in
 * landscape, 2 in portrait); each tile is an icon with a title and one line, all tappable. */
#include <math.h>
#include <stdio.h>

#include "core/color.h"
#include "ui/schedule.h"
#include "ui/widgets.h"

static Action tile_action(const Tile *t)
{
    switch (t->kind) {
    case TARGET_COLLECTION: return (Action){.kind = ACT_COLLECTION, .collection = t->collection};
    case TARGET_ITEM: return (Action){.kind = ACT_ITEM, .item = t->item};
    case TARGET_QUIZ: return (Action){.kind = ACT_QUIZ};
    case TARGET_ABOUT: return (Action){.kind = ACT_ABOUT};
    }
    return (Action){.kind = ACT_NONE};
}

/* A tile that leads to a timetable says what starts next today ("Next: Robots at 14:00"),
 * and the screen is built again when that changes; any other tile shows its subtitle. */
static const char *tile_subtitle(Ctx *c, const Tile *t)
{
    const char *sub = T(c, &t->subtitle);
    if (t->kind != TARGET_COLLECTION || t->collection->layout != LAYOUT_SCHEDULE) return sub;
    static ScheduleDay day; /* large; views run on one thread */
    w_schedule_day(c, t->collection, &day);
    for (int i = 0; day.offset == 0 && i < day.n; i++) {
        if (day.e[i].state != SLOT_NEXT) continue;
        const Item *it = day.e[i].item;
        char time[16], part[512], line[512];
        snprintf(time, sizeof time, "%02d:%02d", day.e[i].from / 60, day.e[i].from % 60);
        ui_fill(part, sizeof part, S(c, STR_NEXT_AT), "{title}",
                text_present(&it->short_title) ? T(c, &it->short_title) : T(c, &it->title));
        return dlist_strdup(c->d, ui_fill(line, sizeof line, part, "{time}", time));
    }
    return sub;
}

static void tile(Ctx *c, Rect r, const Tile *t)
{
    const char *subtitle = tile_subtitle(c, t);
    const Theme *th = c->t;
    uint32_t bg = t->has_color ? t->color : th->surface;
    uint32_t fg = color_contrast(th->text, bg) >= 4.5 ? th->text : 0xFFFFFF;
    uint32_t muted = color_contrast(th->muted, bg) >= 4.5 ? th->muted : fg;
    float radius = U(c, SZ_RADIUS) * 1.5f, pad = U(c, 28);
    size_t group = dlist_group_begin(c->d, r, th->background); /* kept as one picture */
    w_surface(c, r, bg, radius);
    c->bound = r;
    float icon = t->image ? fminf(r.h - 2 * pad, U(c, 150)) : 0; /* no picture: text only */
    bool side = r.w >= r.h * 1.35f; /* icon left of the text when the tile is wide enough */
    float tx, ty, tw;
    if (side) {
        float iy = r.y + (r.h - icon) / 2;
        if (t->image) {
            DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){r.x + pad + U(c, 8), iy, icon, icon});
            img->image = t->image;
        }
        tx = r.x + pad + U(c, 8) + (t->image ? icon + U(c, 28) : 0);
        tw = r.x + r.w - pad - tx;
        /* A third title line where the tile is tall enough to keep one subtitle line too. */
        TextStyle ts = {FONT_BOLD, PX(c, 42), fg, 2, false, "tile title"};
        TextStyle ss = {FONT_REGULAR, PX(c, PX_SMALL), muted, 2, false, "tile subtitle"};
        if (r.h - 2 * pad >= 3 * w_line_height(ts.px) + U(c, 8) + w_line_height(ss.px)) ts.max_lines = 3;
        /* A title that needs a third line gets it before the subtitle gets any (larger text). */
        else if (r.h - 2 * pad >= 3 * w_line_height(ts.px) &&
                 !w_text_fits(c, tw, w_title_that_fits(c, tw, &t->title, &t->short_title, ts), ts))
            ts.max_lines = 3;
        const char *title = w_title_that_fits(c, tw, &t->title, &t->short_title, ts);
        float title_h = w_text_height(c, tw, title, ts);
        /* The subtitle gets the lines that are left inside the tile. */
        ss.max_lines = (int)((r.h - 2 * pad - title_h - U(c, 8)) / ((float)ss.px * 1.3f));
        if (ss.max_lines > 2) ss.max_lines = 2;
        if (ss.max_lines < 1) ss.max_lines = -1;
        float hgt = title_h + (ss.max_lines > 0 ? U(c, 8) + w_text_height(c, tw, subtitle, ss) : 0);
        ty = r.y + (r.h - hgt) / 2;
        ty += w_text(c, (Rect){tx, ty, tw, 0}, title, ts) + U(c, 8);
        if (ss.max_lines > 0) w_text(c, (Rect){tx, ty, tw, 0}, subtitle, ss);
    } else {
        icon = fminf(icon, r.h * 0.42f);
        if (t->image) {
            DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){r.x + pad + U(c, 8), r.y + pad, icon, icon});
            img->image = t->image;
        }
        tx = r.x + pad + U(c, 8);
        tw = r.w - 2 * pad - U(c, 8);
        ty = r.y + pad + (t->image ? icon + U(c, 16) : 0);
        TextStyle ts = {FONT_BOLD, PX(c, 40), fg, 2, false, "tile title"};
        const char *title = w_title_that_fits(c, tw, &t->title, &t->short_title, ts);
        if (!t->image) {
            /* Text only: the title and a line of subtitle in the middle of the tile. */
            float need = w_text_height(c, tw, title, ts) + U(c, 6) + w_line_height(PX(c, PX_SMALL));
            ty = fmaxf(ty, r.y + (r.h - need) / 2);
        }
        ty += w_text(c, (Rect){tx, ty, tw, 0}, title, ts);
        float left = r.y + r.h - pad - ty;
        int lines = (int)(left / (PX(c, PX_SMALL) * 1.3f));
        if (lines > 0)
            w_text(c, (Rect){tx, ty + U(c, 6), tw, 0}, subtitle,
                   (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), muted, lines > 2 ? 2 : lines, false, "tile subtitle"});
    }
    c->bound = (Rect){0};
    dlist_group_end(c->d, group);
    dlist_hit(c->d, r, tile_action(t), radius);
}

void view_home(Ctx *c)
{
    const Bundle *b = c->b;
    const Theme *th = c->t;
    float m = U(c, SZ_MARGIN) * (c->portrait ? 1.0f : 1.5f), g = U(c, SZ_GAP) * 1.5f;
    float x = c->content.x + m, w = c->content.w - 2 * m, y = c->content.y + m;
    /* Landscape: the title mark and the title share one row, leaving the height to the tiles. */
    float lh = U(c, c->portrait ? 120 : 104);
    float lw = 0;
    if (th->logo) {
        lw = th->logo->width && th->logo->height
                 ? lh * (float)th->logo->width / (float)th->logo->height
                 : lh * 4; /* SVG: the bundle's title mark is drawn 4:1 */
        if (lw > w * (c->portrait ? 1.0f : 0.4f)) lw = w * (c->portrait ? 1.0f : 0.4f);
        DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){x, y, lw, lh});
        img->image = th->logo;
    }
    float tx = x, tw = w, ty = y;
    if (c->portrait || !th->logo) {
        ty = th->logo ? y + lh + U(c, 28) : y;
    } else {
        tx = x + lw + U(c, 48);
        tw = w - lw - U(c, 48);
    }
    TextStyle hero = {FONT_BOLD, PX(c, c->portrait ? PX_HERO : 64), th->text, 2, false, "home title"};
    TextStyle sub = {FONT_REGULAR, PX(c, 32), th->muted, 2, false, "home subtitle"};
    float hh = w_text_height(c, tw, T(c, &b->home_title), hero) +
               (text_present(&b->home_subtitle) ? U(c, 6) + w_text_height(c, tw, T(c, &b->home_subtitle), sub) : 0);
    if (!c->portrait && th->logo && hh < lh) ty = y + (lh - hh) / 2;
    ty += w_text(c, (Rect){tx, ty, tw, 0}, T(c, &b->home_title), hero);
    if (text_present(&b->home_subtitle))
        ty += U(c, 6) + w_text(c, (Rect){tx, ty + U(c, 6), tw, 0}, T(c, &b->home_subtitle), sub);
    y = fmaxf(ty, th->logo ? y + lh : ty) + U(c, 40);

    size_t n = b->n_tiles;
    if (n == 0) return;
    /* Columns for the orientation; rows are balanced and each row fills the width, so 7 tiles
     * become 4 + 3 wider ones rather than a ragged last row. */
    size_t cols = c->portrait ? 2 : (n <= 4 ? 2 : 3);
    if (n == 1) cols = 1;
    size_t rows = (n + cols - 1) / cols;
    float bottom = c->content.y + c->content.h - m;
    float th_ = ((bottom - y) - g * (float)(rows - 1)) / (float)rows;
    float max_h = U(c, c->portrait ? 560 : 300);
    if (th_ > max_h) {
        /* Few tiles: as big as a tile gets, and in portrait low, where a child reaches them. */
        if (c->portrait) y = bottom - (max_h * (float)rows + g * (float)(rows - 1));
        th_ = max_h;
    }
    size_t i = 0;
    for (size_t r = 0; r < rows; r++) {
        size_t left = n - i, in_row = (left + (rows - r) - 1) / (rows - r);
        float tile_w = (w - g * (float)(in_row - 1)) / (float)in_row;
        for (size_t k = 0; k < in_row; k++, i++)
            tile(c, (Rect){x + (float)k * (tile_w + g), y + (float)r * (th_ + g), tile_w, th_},
                 &b->tiles[i]);
    }
}
