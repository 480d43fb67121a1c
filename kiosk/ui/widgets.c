/* widgets.c: buttons, chips, pictures and cards (text blocks are in textblock.c).
 *
 * Every title here is fitted (TextStyle.what): it shrinks a little and hyphenates before an
 * ellipsis cuts it, and what is still cut is reported to `--check`. */
#include <math.h>
#include <string.h>

#include "core/color.h"
#include "layout/wrap.h"
#include "ui/widgets.h"

void w_surface(Ctx *c, Rect r, uint32_t fill, float radius)
{
    dlist_rect(c->d, r, fill, radius);
    if (color_contrast(fill, c->t->background) < 3.0) dlist_frame(c->d, r, c->t->edge, radius, U(c, 2));
}

void w_button(Ctx *c, Rect r, const char *label, const char *icon, ButtonKind kind, Action a)
{
    const Theme *t = c->t;
    uint32_t bg = kind == BTN_ACCENT ? t->accent : t->surface;
    uint32_t fg = kind == BTN_ACCENT ? t->on_accent : t->text;
    float radius = U(c, SZ_RADIUS);
    if (kind != BTN_QUIET) w_surface(c, r, bg, radius);
    int px = PX(c, PX_BUTTON);
    float icon_side = icon ? U(c, 44) : 0, gap = icon ? U(c, 14) : 0;
    float label_w = label ? w_text_width(c, label, FONT_BOLD, px) : 0;
    Rect saved = c->bound;
    c->bound = r;
    float avail = r.w - U(c, 32) - icon_side - gap;
    if (label_w > avail) label_w = avail;
    float x = r.x + (r.w - icon_side - gap - label_w) / 2;
    if (icon) {
        DlCmd *ic = dlist_push(c->d, DL_ICON, (Rect){x, r.y + (r.h - icon_side) / 2, icon_side,
                                                     icon_side});
        ic->icon = icon;
        ic->color = fg;
    }
    if (label)
        w_text(c, (Rect){x + icon_side + gap, r.y + (r.h - w_line_height(px)) / 2, avail, 0},
               label, (TextStyle){FONT_BOLD, px, fg, 1, false, "button label"});
    c->bound = saved;
    dlist_hit(c->d, r, a, radius);
}

float w_button_width(Ctx *c, const char *label, const char *icon)
{
    float icon_side = icon ? U(c, 44) : 0, gap = icon ? U(c, 14) : 0;
    float label_w = label ? w_text_width(c, label, FONT_BOLD, PX(c, PX_BUTTON)) : 0;
    return label_w + U(c, 32) + icon_side + gap;
}

float w_chip_width(Ctx *c, const char *label)
{
    float w = w_text_width(c, label, FONT_BOLD, PX(c, PX_SMALL)) + U(c, 64);
    float max = c->content.w - 2 * U(c, SZ_MARGIN);
    if (w < U(c, SZ_TARGET + 40)) w = U(c, SZ_TARGET + 40);
    return w > max ? max : w;
}

void w_chip(Ctx *c, Rect r, const char *label, bool selected, Action a)
{
    const Theme *t = c->t;
    w_surface(c, r, selected ? t->accent : t->surface, r.h / 2);
    int px = PX(c, PX_SMALL);
    Rect saved = c->bound;
    c->bound = r;
    w_text(c, (Rect){r.x + U(c, 32), r.y + (r.h - w_line_height(px)) / 2, r.w - U(c, 64), 0},
           label, (TextStyle){FONT_BOLD, px, selected ? t->on_accent : t->text, 1, true, "chip"});
    c->bound = saved;
    dlist_hit(c->d, r, a, r.h / 2);
}

void w_picture(Ctx *c, Rect r, const Image *img, const Text *title, uint32_t tint)
{
    dlist_rect(c->d, r, tint, U(c, SZ_RADIUS));
    if (img) {
        float pad = r.h * 0.12f;
        DlCmd *cmd = dlist_push(c->d, DL_IMAGE, (Rect){r.x + pad, r.y + pad, r.w - 2 * pad,
                                                       r.h - 2 * pad});
        cmd->image = img;
        return;
    }
    /* No picture: the first letter of the title, large, so the card still has a face. */
    const char *s = title ? T(c, title) : "";
    size_t n = utf8_char_len(s);
    int px = (int)(r.h * 0.45f);
    float tw = (float)c->m->width(c->m->ctx, FONT_BOLD, px, s, *s ? n : 0);
    if (*s) {
        DlCmd *cmd = dlist_push(c->d, DL_TEXT, (Rect){r.x + (r.w - tw) / 2,
                                                      r.y + (r.h - w_line_height(px)) / 2, tw,
                                                      w_line_height(px)});
        cmd->text = s;
        cmd->len = n;
        cmd->font = FONT_BOLD;
        cmd->px = px;
        cmd->color = c->t->text;
        cmd->box = r;
        cmd->bound = r;
    }
}

void w_item_picture(Ctx *c, Rect r, const Item *it, uint32_t tint)
{
    if (it->collection && it->collection->layout == LAYOUT_PLAN && !it->image) w_plan(c, r, it);
    else if (it->n_shape > 0) w_map(c, r, it);
    else if (!it->image && it->n_gallery) /* a card shows the gallery's first picture */
        w_fitted_picture(c, r, it->gallery[0].image, it->gallery[0].fit, tint);
    else if (it->image && it->image_fit.kind != FIT_FRAMED)
        w_fitted_picture(c, r, it->image, it->image_fit, tint);
    else w_picture(c, r, it->image, &it->title, tint);
}

/* Item cards and rows, in units (widgets.h). */
enum {
    CARD_PAD = 20,
    BELOW_PICTURE = 16,
    BELOW_CARD_TITLE = 6,
    ROW_PAD = 18,
    ROW_GAP = 24, /* between a row's picture and its text */
};

uint32_t w_picture_tint(const Ctx *c, const Item *it)
{
    uint32_t panel = c->t->picture_panel;
    return it->has_color ? color_mix(it->color, panel, 0.8) : color_mix(c->t->accent, panel, 0.9);
}

/* An item's card or row: its surface, and texts laid out on it until item_box_end, which
 * makes the whole box tappable. The box is one group (dlist_group_begin) on the page
 * background, so a drawer can keep it as one picture while the grid scrolls. */
typedef struct ItemBox {
    Rect saved; /* the container that was current before */
    size_t group;
} ItemBox;

static ItemBox item_box(Ctx *c, Rect r)
{
    ItemBox b = {c->bound, dlist_group_begin(c->d, r, c->t->background)};
    w_surface(c, r, c->t->surface, U(c, SZ_RADIUS));
    c->bound = r;
    return b;
}

static void item_box_end(Ctx *c, Rect r, const Item *it, ItemBox b)
{
    c->bound = b.saved;
    dlist_group_end(c->d, b.group);
    dlist_hit(c->d, r, (Action){.kind = ACT_ITEM, .item = it}, U(c, SZ_RADIUS));
}

void w_item_card(Ctx *c, Rect r, const Item *it)
{
    const Theme *t = c->t;
    float pad = U(c, CARD_PAD);
    ItemBox saved = item_box(c, r);
    bool people = it->collection->layout == LAYOUT_CARDS;
    /* a taller card (few items on a tall screen) gives the room to the picture */
    float pic_h = people ? fmaxf(r.w * 0.62f, r.h - 2 * pad - U(c, SZ_PERSON_TEXT)) : r.h * 0.42f;
    w_item_picture(c, (Rect){r.x + pad, r.y + pad, r.w - 2 * pad, pic_h}, it, w_picture_tint(c, it));
    float y = r.y + pad + pic_h + U(c, BELOW_PICTURE);
    Rect tb = {r.x + pad, y, r.w - 2 * pad, 0};
    TextStyle ts = {FONT_BOLD, PX(c, PX_CARD_TITLE), t->text, 2, false, "card title"};
    y += w_text(c, tb, w_title_that_fits(c, tb.w, &it->title, &it->short_title, ts), ts);
    float left = r.y + r.h - pad - y;
    int lines = (int)(left / w_line_height(PX(c, PX_SMALL)));
    if (lines > 0)
        w_text(c, (Rect){r.x + pad, y + U(c, BELOW_CARD_TITLE), r.w - 2 * pad, 0}, T(c, &it->subtitle),
               (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->muted, lines > 3 ? 3 : lines, false, "card subtitle"});
    item_box_end(c, r, it, saved);
}

void w_item_row(Ctx *c, Rect r, const Item *it)
{
    const Theme *t = c->t;
    float pad = U(c, ROW_PAD);
    ItemBox saved = item_box(c, r);
    float pic = r.h - 2 * pad;
    w_item_picture(c, (Rect){r.x + pad, r.y + pad, pic, pic}, it, w_picture_tint(c, it));
    float x = r.x + pad + pic + U(c, ROW_GAP), w = r.x + r.w - pad - x;
    bool sub = text_present(&it->subtitle);
    float th = w_line_height(PX(c, PX_CARD_TITLE)) + (sub ? w_line_height(PX(c, PX_SMALL)) : 0);
    float y = r.y + (r.h - th) / 2;
    TextStyle ts = {FONT_BOLD, PX(c, PX_CARD_TITLE), t->text, 1, false, "list title"};
    y += w_text(c, (Rect){x, y, w, 0}, w_title_that_fits(c, w, &it->title, &it->short_title, ts), ts);
    if (sub)
        w_text(c, (Rect){x, y, w, 0}, T(c, &it->subtitle),
               (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->muted, 1, false, "list subtitle"});
    item_box_end(c, r, it, saved);
}

/* One layout for drawing the header and for measuring it (draw = false). */
static float header(Ctx *c, const char *title, const char *intro, bool draw)
{
    const Theme *t = c->t;
    float x = c->content.x + U(c, SZ_MARGIN), w = c->content.w - 2 * U(c, SZ_MARGIN);
    float y = c->content.y + U(c, 40);
    TextStyle ts = {FONT_BOLD, PX(c, PX_TITLE), t->text, 2, false, "heading"};
    y += draw ? w_text(c, (Rect){x, y, w, 0}, title, ts) : w_text_height(c, w, title, ts);
    if (intro && *intro) {
        y += U(c, 8);
        float iw = w * (c->portrait ? 1.0f : 0.7f);
        TextStyle is = {FONT_REGULAR, PX(c, PX_BODY), t->muted, 2, false, "intro"};
        y += draw ? w_text(c, (Rect){x, y, iw, 0}, intro, is) : w_text_height(c, iw, intro, is);
    }
    return y + U(c, 28);
}

float w_header(Ctx *c, const char *title, const char *intro)
{
    return header(c, title, intro, true);
}

float w_header_height(Ctx *c, const char *title, const char *intro)
{
    return header(c, title, intro, false);
}
