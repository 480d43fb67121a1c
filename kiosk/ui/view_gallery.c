/* view_gallery.c: an item's photo gallery, on the item page and full screen.
 *
 * On the item page the gallery takes the place of the picture: the current picture (a tap
 * opens it full screen), round arrow buttons on its sides for a visitor who does not think of
 * swiping, the count on it ("2 / 5"), and under it dots, the caption and the credit. The space
 * under the picture is measured for the longest caption and credit of the gallery, so nothing
 * jumps while the visitor swipes through.
 *
 * Full screen the picture is shown whole on black, with the arrows, a Close button and, in a
 * strip of its own under the picture, the caption, credit and count: the zoomed picture is
 * clipped to its own area, so a credit is never covered, however far it is zoomed. There is no
 * hit area on the picture itself: a tap there should only zoom (a double tap). */
#include <math.h>

#include "core/color.h"
#include "ui/fit.h"
#include "ui/widgets.h"
#include "ui/zoom.h"

/* Sizes in units (widgets.h). */
enum {
    DOT = 14,            /* a dot of the row under the picture */
    DOT_GAP = 14,
    DOTS_ROW = 40,
    ARROW_INSET = 16,    /* the arrows' distance from the picture's edges */
    COUNT_PAD = 14,      /* the "2 / 5" pill on the picture */
    STRIP_PAD = 28,      /* around the full-screen caption strip */
    PHOTO_BLACK = 0x000000,
    PHOTO_TEXT = 0xFFFFFF,
    PHOTO_MUTED = 0xC8C8C8,
};

/* How far a picture zooms full screen, and the most pixels its texture gets for it (32 MB):
 * a drawing on a 1080p screen is rasterised twice as sharp, a photo up to its own pixels;
 * on a 4K screen zoom only enlarges. */
#define PHOTO_ZOOM_MAX 4.0f
#define PHOTO_DETAIL_PIXELS (8.0f * 1024 * 1024)

static TextStyle caption_style(const Ctx *c, uint32_t color)
{
    return (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), color, 3, false, "gallery caption"};
}

static TextStyle credit_style(const Ctx *c, uint32_t color)
{
    return (TextStyle){FONT_ITALIC, PX(c, PX_SMALL), color, 2, false, "gallery credit"};
}

/* The height of a picture's caption and credit at width w (the same for every colour). */
static float words_height(Ctx *c, float w, const GalleryPicture *p)
{
    float h = w_text_height(c, w, T(c, &p->credit), credit_style(c, 0));
    if (text_present(&p->caption))
        h += w_text_height(c, w, T(c, &p->caption), caption_style(c, 0)) + U(c, 4);
    return h;
}

static float tallest_words(Ctx *c, float w, const Item *it)
{
    float h = 0;
    for (size_t i = 0; i < it->n_gallery; i++) h = fmaxf(h, words_height(c, w, &it->gallery[i]));
    return h;
}

static void words(Ctx *c, Rect r, const GalleryPicture *p, uint32_t text, uint32_t muted)
{
    float y = r.y;
    if (text_present(&p->caption))
        y += w_text(c, (Rect){r.x, y, r.w, 0}, T(c, &p->caption), caption_style(c, text)) + U(c, 4);
    w_text(c, (Rect){r.x, y, r.w, 0}, T(c, &p->credit), credit_style(c, muted));
}

float gallery_below(Ctx *c, float w, const Item *it)
{
    return U(c, DOTS_ROW) + tallest_words(c, w, it);
}

void w_fitted_picture(Ctx *c, Rect r, const Image *img, PictureFit fit, uint32_t tint)
{
    if (fit.kind == FIT_FRAMED || !img) {
        w_picture(c, r, img, NULL, tint);
        return;
    }
    if (fit.kind == FIT_CONTAIN) dlist_rect(c->d, r, tint, U(c, SZ_RADIUS));
    DlCmd *p = dlist_push(c->d, DL_IMAGE, r);
    p->image = img;
    p->cover = fit.kind == FIT_COVER;
    p->crop_x = fit.focus_x;
    p->crop_y = fit.focus_y;
}

/* A round arrow button at the picture's edge, in the bar's button colours, so it reads as a
 * button on any picture (opaque: a see-through round fill shows its seams). */
static void arrow(Ctx *c, Rect b, bool next, ActionKind kind)
{
    w_surface(c, b, c->t->surface, b.w / 2);
    float icon = b.w * 0.5f;
    DlCmd *ic = dlist_push(c->d, DL_ICON, (Rect){b.x + (b.w - icon) / 2 + (next ? 1 : -1) * U(c, 3),
                                                 b.y + (b.h - icon) / 2, icon, icon});
    ic->icon = "chevron";
    ic->color = c->t->text;
    ic->flip = next;
    dlist_hit(c->d, b, (Action){.kind = kind}, b.w / 2);
}

static void arrows(Ctx *c, Rect pic)
{
    float side = U(c, SZ_TARGET), in = U(c, ARROW_INSET), y = pic.y + (pic.h - side) / 2;
    arrow(c, (Rect){pic.x + in, y, side, side}, false, ACT_PICTURE_PREV);
    arrow(c, (Rect){pic.x + pic.w - in - side, y, side, side}, true, ACT_PICTURE_NEXT);
}

/* A round button in the picture's bottom right corner that says "bigger": the picture
 * itself opens full screen too, but nothing on a still picture tells a visitor so. */
static void expand_button(Ctx *c, Rect pic, Action a)
{
    float side = U(c, SZ_TARGET), in = U(c, ARROW_INSET);
    Rect b = {pic.x + pic.w - in - side, pic.y + pic.h - in - side, side, side};
    w_surface(c, b, c->t->surface, side / 2);
    DlCmd *ic = dlist_push(c->d, DL_ICON, (Rect){b.x + side / 4, b.y + side / 4, side / 2,
                                                 side / 2});
    ic->icon = "expand";
    ic->color = c->t->text;
    dlist_hit(c->d, b, a, side / 2);
}

/* "2 / 5" on a dark pill in the picture's top right corner. */
static void count_pill(Ctx *c, Rect pic, const Screen *sc)
{
    const char *s = dlist_printf(c->d, "%d / %zu", sc->picture + 1, sc->item->n_gallery);
    int px = PX(c, PX_SMALL);
    float pad = U(c, COUNT_PAD), tw = w_text_width(c, s, FONT_BOLD, px);
    Rect r = {pic.x + pic.w - tw - 3 * pad, pic.y + pad, tw + 2 * pad, w_line_height(px) + pad};
    dlist_rect(c->d, r, c->t->text, r.h / 2);
    Rect saved = c->bound;
    c->bound = r;
    w_text(c, (Rect){r.x + pad, r.y + pad / 2, tw + 1, 0}, s,
           (TextStyle){FONT_BOLD, px, c->t->background, 1, false, NULL});
    c->bound = saved;
}

static void dots(Ctx *c, float x, float y, float w, const Screen *sc)
{
    size_t n = sc->item->n_gallery;
    float d = U(c, DOT), g = U(c, DOT_GAP), total = (float)n * d + (float)(n - 1) * g;
    float x0 = x + (w - total) / 2, yy = y + (U(c, DOTS_ROW) - d) / 2;
    for (size_t i = 0; i < n; i++) {
        DlCmd *dot = dlist_push(c->d, DL_RECT, (Rect){x0 + (float)i * (d + g), yy, d, d});
        bool on = (int)i == sc->picture;
        /* opaque: a see-through round fill shows its seams */
        dot->color = on ? c->t->accent : color_mix(c->t->muted, c->t->background, 0.45);
        dot->radius = d / 2;
    }
}

static const GalleryPicture *current(const Screen *sc)
{
    size_t n = sc->item->n_gallery;
    return &sc->item->gallery[sc->picture >= 0 && (size_t)sc->picture < n ? sc->picture : 0];
}

static void swipes(Ctx *c, Rect area)
{
    c->info->swipe_area = area;
    c->info->swipe_next = (Action){.kind = ACT_PICTURE_NEXT};
    c->info->swipe_prev = (Action){.kind = ACT_PICTURE_PREV};
}

void gallery_panel(Ctx *c, Rect r, const Screen *sc)
{
    const Item *it = sc->item;
    const GalleryPicture *p = current(sc);
    Rect pic = {r.x, r.y, r.w, fmaxf(0, r.h - gallery_below(c, r.w, it))};
    w_fitted_picture(c, pic, p->image, p->fit, w_picture_tint(c, it));
    /* the picture opens full screen; the buttons drawn over it take their own taps */
    Action open = {.kind = ACT_PHOTO, .item = it, .arg = sc->picture};
    dlist_hit(c->d, pic, open, 0);
    expand_button(c, pic, open);
    if (it->n_gallery > 1) {
        /* only where it shows: the page may have scrolled it half away */
        swipes(c, c->d->clipping ? rect_intersect(pic, c->d->clip) : pic);
        arrows(c, pic);
        count_pill(c, pic, sc);
        dots(c, r.x, pic.y + pic.h, r.w, sc);
    }
    words(c, (Rect){r.x, pic.y + pic.h + U(c, DOTS_ROW), r.w, 0}, p, c->t->text, c->t->muted);
}

/* The strip under the full-screen picture: caption and credit at the left, the count at the
 * right. Returns its height; draws when `draw`. */
static float strip(Ctx *c, Rect r, const Screen *sc, bool draw)
{
    float pad = U(c, STRIP_PAD), m = U(c, SZ_MARGIN);
    const char *count = dlist_printf(c->d, "%d / %zu", sc->picture + 1, sc->item->n_gallery);
    int px = PX(c, PX_BODY);
    float cw = sc->item->n_gallery > 1 ? w_text_width(c, count, FONT_BOLD, px) + pad : 0;
    float ww = r.w - 2 * m - cw;
    float h = tallest_words(c, ww, sc->item) + 2 * pad;
    if (!draw) return h;
    words(c, (Rect){r.x + m, r.y + pad, ww, 0}, current(sc), PHOTO_TEXT, PHOTO_MUTED);
    if (cw > 0)
        w_text(c, (Rect){r.x + r.w - m - cw + pad, r.y + pad, cw - pad + 1, 0}, count,
               (TextStyle){FONT_BOLD, px, PHOTO_TEXT, 1, false, NULL});
    return h;
}

/* The picture whole in `area`, as the visitor has zoomed it, clipped to `area`. It is laid
 * out fitted (a photo never larger than its pixels; a drawing as large as the area allows)
 * and drawn through zoom_rect. Its texture is decoded once, for the fitted size times the
 * zoom it may reach (within PHOTO_DETAIL_PIXELS), so a pinch only scales it. Pictures keep
 * their direction: placed, never mirrored, as zoom_area is. */
static void photo(Ctx *c, Rect area, const Screen *sc)
{
    const Image *img = current(sc)->image;
    Rect fitted = area;
    if (img->width > 0 && img->height > 0) {
        float pw = (float)img->width, ph = (float)img->height;
        float k = fminf(1, fminf(area.w / pw, area.h / ph));
        fitted = fit_contain(area, pw * k, ph * k);
    }
    float room = sqrtf(PHOTO_DETAIL_PIXELS / fmaxf(1, fitted.w * fitted.h));
    float detail = fmaxf(1, fminf(PHOTO_ZOOM_MAX, room));
    c->info->zoom_area = area;
    c->info->zoom_max = PHOTO_ZOOM_MAX;
    c->d->placing = true;
    dlist_clip(c->d, area);
    DlCmd *cmd = dlist_push(c->d, DL_IMAGE, zoom_rect(sc, area, fitted));
    cmd->image = img;
    cmd->decode_w = roundf(fitted.w * detail);
    cmd->decode_h = roundf(fitted.h * detail);
    dlist_unclip(c->d);
    c->d->placing = false;
}

void view_photo(Ctx *c, const Screen *sc)
{
    Rect a = c->content;
    dlist_rect(c->d, a, PHOTO_BLACK, 0);
    float sh = strip(c, a, sc, false);
    Rect strip_r = {a.x, a.y + a.h - sh, a.w, sh};
    Rect area = {a.x, a.y, a.w, a.h - sh};
    photo(c, area, sc);
    strip(c, strip_r, sc, true);
    if (sc->item->n_gallery > 1) {
        swipes(c, area);
        arrows(c, area);
    }
    /* Close is Back (the bar has it too), as a round X where a lightbox has it */
    float m = U(c, SZ_MARGIN) / 2, side = U(c, SZ_TARGET);
    Rect close = {a.x + a.w - m - side, a.y + m, side, side};
    w_surface(c, close, c->t->surface, side / 2);
    DlCmd *ic = dlist_push(c->d, DL_ICON, (Rect){close.x + side / 4, close.y + side / 4,
                                                 side / 2, side / 2});
    ic->icon = "close";
    ic->color = c->t->text;
    dlist_hit(c->d, close, (Action){.kind = ACT_BACK}, side / 2);
}
