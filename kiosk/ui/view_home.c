/* view_home.c: the bundle's title mark, title and its big tiles.
 *
 * Tiles fill the space below the header in a grid chosen for the orientation (3 columns in
 * landscape, 2 in portrait); each tile is an icon with a title and one line, all tappable. */
#include <math.h>

#include "core/color.h"
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

static void tile(Ctx *c, Rect r, const Tile *t)
{
    const Theme *th = c->t;
    uint32_t bg = t->has_color ? t->color : th->surface;
    uint32_t fg = color_contrast(th->text, bg) >= 4.5 ? th->text : 0xFFFFFF;
    uint32_t muted = color_contrast(th->muted, bg) >= 4.5 ? th->muted : fg;
    float radius = U(c, SZ_RADIUS) * 1.5f, pad = U(c, 28);
    dlist_rect(c->d, r, bg, radius);
    dlist_rect(c->d, (Rect){r.x, r.y, U(c, 10), r.h}, th->accent, 0);
    float icon = fminf(r.h - 2 * pad, U(c, 150));
    bool side = r.w >= r.h * 1.35f; /* icon left of the text when the tile is wide enough */
    float tx, ty, tw;
    if (side) {
        float iy = r.y + (r.h - icon) / 2;
        DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){r.x + pad + U(c, 8), iy, icon, icon});
        img->image = t->image;
        tx = r.x + pad + U(c, 8) + icon + U(c, 28);
        tw = r.x + r.w - pad - tx;
        TextStyle ts = {FONT_BOLD, PX(c, 42), fg, 2, false};
        TextStyle ss = {FONT_REGULAR, PX(c, PX_SMALL), muted, 2, false};
        float hgt = w_text_height(c, tw, T(c, &t->title), ts) + U(c, 8) +
                    w_text_height(c, tw, T(c, &t->subtitle), ss);
        ty = r.y + (r.h - hgt) / 2;
        ty += w_text(c, (Rect){tx, ty, tw, 0}, T(c, &t->title), ts) + U(c, 8);
        w_text(c, (Rect){tx, ty, tw, 0}, T(c, &t->subtitle), ss);
    } else {
        icon = fminf(icon, r.h * 0.42f);
        DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){r.x + pad + U(c, 8), r.y + pad, icon, icon});
        img->image = t->image;
        tx = r.x + pad + U(c, 8);
        tw = r.w - 2 * pad - U(c, 8);
        ty = r.y + pad + icon + U(c, 16);
        ty += w_text(c, (Rect){tx, ty, tw, 0}, T(c, &t->title), (TextStyle){FONT_BOLD, PX(c, 40), fg, 2, false});
        float left = r.y + r.h - pad - ty;
        int lines = (int)(left / (PX(c, PX_SMALL) * 1.3f));
        if (lines > 0)
            w_text(c, (Rect){tx, ty + U(c, 6), tw, 0}, T(c, &t->subtitle),
                   (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), muted, lines > 2 ? 2 : lines, false});
    }
    dlist_hit(c->d, r, tile_action(t), radius);
}

void view_home(Ctx *c)
{
    const Bundle *b = c->b;
    const Theme *th = c->t;
    float m = U(c, SZ_MARGIN) * (c->portrait ? 1.0f : 1.5f), g = U(c, SZ_GAP) * 1.5f;
    float x = c->content.x + m, w = c->content.w - 2 * m, y = c->content.y + m;
    if (th->logo) {
        float lh = U(c, 120);
        float lw = th->logo->width && th->logo->height
                       ? lh * (float)th->logo->width / (float)th->logo->height
                       : lh * 4; /* SVG: the bundle's title mark is drawn 4:1 */
        if (lw > w) lw = w;
        DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){x, y, lw, lh});
        img->image = th->logo;
        y += lh + U(c, 28);
    }
    y += w_text(c, (Rect){x, y, w, 0}, T(c, &b->home_title),
                (TextStyle){FONT_BOLD, PX(c, PX_HERO), th->text, 2, false});
    if (text_present(&b->home_subtitle))
        y += U(c, 6) + w_text(c, (Rect){x, y + U(c, 6), w, 0}, T(c, &b->home_subtitle),
                              (TextStyle){FONT_REGULAR, PX(c, 34), th->muted, 2, false});
    y += U(c, 40);

    size_t n = b->n_tiles;
    if (n == 0) return;
    size_t cols = c->portrait ? 2 : (n <= 4 ? 2 : 3);
    if (n == 1) cols = 1;
    size_t rows = (n + cols - 1) / cols;
    float bottom = c->content.y + c->content.h - m;
    float th_ = ((bottom - y) - g * (float)(rows - 1)) / (float)rows;
    float max_h = U(c, c->portrait ? 360 : 300);
    if (th_ > max_h) th_ = max_h;
    float tw = (w - g * (float)(cols - 1)) / (float)cols;
    for (size_t i = 0; i < n; i++) {
        size_t r = i / cols, col = i % cols;
        tile(c, (Rect){x + (float)col * (tw + g), y + (float)r * (th_ + g), tw, th_}, &b->tiles[i]);
    }
}
