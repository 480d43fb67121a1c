/* widgets.c: text blocks, buttons, chips, pictures and cards.
 *
 * Text: wrap_text() breaks runs into fragments using the injected measurer; each fragment
 * becomes one DL_TEXT command whose `box` is the block it belongs to, so the layout tests can
 * prove that no text leaves its box. A block with max_lines ends in an ellipsis instead of
 * running on. */
#include <string.h>

#include "core/color.h"
#include "layout/wrap.h"
#include "ui/widgets.h"

typedef struct MeasureAdapter {
    const TextMeasure *m;
    int px;
} MeasureAdapter;

static int adapt(void *ctx, int style, const char *s, size_t len)
{
    const MeasureAdapter *a = ctx;
    return a->m->width(a->m->ctx, (FontId)style, a->px, s, len);
}

static float line_height(int px) { return (float)px * 1.3f; }

float w_text_width(Ctx *c, const char *s, FontId font, int px)
{
    return (float)c->m->width(c->m->ctx, font, px, s, strlen(s));
}

static void emit(Ctx *c, Rect box, const char *s, size_t len, FontId font, int px,
                 uint32_t color, float x, float y, float width)
{
    DlCmd *cmd = dlist_push(c->d, DL_TEXT, (Rect){x, y, width, line_height(px)});
    cmd->text = s;
    cmd->len = len;
    cmd->font = font;
    cmd->px = px;
    cmd->color = color;
    cmd->box = box;
    cmd->bound = c->bound;
}

/* Lays out runs in box; draws when `draw`. Returns the height used. */
static float layout_runs(Ctx *c, Rect box, const WrapRun *runs, int n_runs, int px,
                         uint32_t color, int max_lines, bool center, bool draw)
{
    WrapFragment frags[WRAP_MAX_FRAGMENTS];
    WrapOutput out = {.frags = frags, .cap = WRAP_MAX_FRAGMENTS};
    MeasureAdapter a = {c->m, px};
    int lines = wrap_text(runs, n_runs, adapt, &a, (int)box.w, &out);
    if (out.overflow) c->d->overflow = true;
    int shown = (max_lines > 0 && lines > max_lines) ? max_lines : lines;
    float lh = line_height(px);
    if (!draw) return (float)shown * lh;

    static const char ELLIPSIS[] = "\xE2\x80\xA6";
    float line_width[WRAP_MAX_FRAGMENTS] = {0};
    if (center)
        for (int i = 0; i < out.count && frags[i].line < WRAP_MAX_FRAGMENTS; i++)
            line_width[frags[i].line] = (float)(frags[i].x + frags[i].width);
    for (int i = 0; i < out.count; i++) {
        const WrapFragment *f = &frags[i];
        if (f->line >= shown) break;
        const WrapRun *r = &runs[f->run];
        FontId font = (FontId)r->style;
        const char *s = r->text + f->start;
        size_t len = f->len;
        float width = (float)f->width;
        bool last_visible = f->line == shown - 1 && shown < lines &&
                            (i + 1 == out.count || frags[i + 1].line != f->line);
        float x0 = box.x + (center ? (box.w - line_width[f->line]) / 2 : 0);
        float y = box.y + (float)f->line * lh;
        if (last_visible) {
            /* Cut back to a word (or character) so the ellipsis fits inside the box. */
            float ell = (float)a.m->width(a.m->ctx, font, px, ELLIPSIS, 3);
            while (len > 0 && (float)f->x + (float)adapt(&a, font, s, len) + ell > box.w) {
                size_t cut = len - 1;
                while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
                size_t space = cut;
                while (space > 0 && s[space] != ' ') space--;
                len = space > 0 ? space : cut;
            }
            width = (float)adapt(&a, font, s, len);
            if (center && f->x == 0) x0 = box.x + (box.w - width - ell) / 2; /* re-centre the cut line */
            if (len) emit(c, box, s, len, font, px, color, x0 + (float)f->x, y, width);
            emit(c, box, ELLIPSIS, 3, font, px, color, x0 + (float)f->x + width, y, ell);
            continue;
        }
        emit(c, box, s, len, font, px, color, x0 + (float)f->x, y, width);
        if (f->flags & WRAP_FRAG_HYPHEN)
            emit(c, box, "-", 1, font, px, color, x0 + (float)f->x + width, y,
                 (float)adapt(&a, font, "-", 1));
    }
    return (float)shown * lh;
}

float w_text(Ctx *c, Rect box, const char *s, TextStyle st)
{
    if (!s || !*s) return 0;
    WrapRun run = {s, strlen(s), st.font};
    return layout_runs(c, box, &run, 1, st.px, st.color, st.max_lines, st.center, true);
}

float w_text_height(Ctx *c, float width, const char *s, TextStyle st)
{
    if (!s || !*s) return 0;
    WrapRun run = {s, strlen(s), st.font};
    return layout_runs(c, (Rect){0, 0, width, 0}, &run, 1, st.px, st.color, st.max_lines,
                       false, false);
}

static FontId span_font(unsigned style)
{
    if ((style & SPAN_BOLD) && (style & SPAN_ITALIC)) return FONT_BOLD_ITALIC;
    if (style & SPAN_BOLD) return FONT_BOLD;
    if (style & SPAN_ITALIC) return FONT_ITALIC;
    return FONT_REGULAR;
}

float w_body(Ctx *c, Rect box, const Body *body, int px, uint32_t color)
{
    float y = box.y, para_gap = (float)px * 0.7f;
    for (size_t i = 0; i < body->n_blocks; i++) {
        const Block *bl = &body->blocks[i];
        enum { MAX_RUNS = 64 };
        WrapRun runs[MAX_RUNS];
        int n = 0;
        for (size_t k = 0; k < bl->n_spans && n < MAX_RUNS; k++)
            runs[n++] = (WrapRun){bl->spans[k].text, strlen(bl->spans[k].text),
                                  span_font(bl->spans[k].style)};
        Rect r = {box.x, y, box.w, 0};
        if (bl->kind == BLOCK_BULLET) {
            float indent = (float)px * 1.2f, dot = (float)px * 0.3f;
            dlist_rect(c->d, (Rect){box.x + (float)px * 0.3f, y + line_height(px) / 2 - dot / 2,
                                    dot, dot}, c->t->accent, dot / 2);
            r.x += indent;
            r.w -= indent;
        }
        y += layout_runs(c, r, runs, n, px, color, 0, false, true);
        bool next_bullet = i + 1 < body->n_blocks && body->blocks[i + 1].kind == BLOCK_BULLET;
        y += (bl->kind == BLOCK_BULLET && next_bullet) ? (float)px * 0.25f : para_gap;
    }
    return y - box.y;
}

void w_button(Ctx *c, Rect r, const char *label, const char *icon, ButtonKind kind, Action a)
{
    const Theme *t = c->t;
    uint32_t bg = kind == BTN_ACCENT ? t->accent : t->surface;
    uint32_t fg = kind == BTN_ACCENT ? t->on_accent : t->text;
    float radius = U(c, SZ_RADIUS);
    if (kind != BTN_QUIET) dlist_rect(c->d, r, bg, radius);
    if (kind == BTN_SURFACE) dlist_frame(c->d, r, color_mix(t->surface, t->text, 0.18), radius, U(c, 2));
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
        w_text(c, (Rect){x + icon_side + gap, r.y + (r.h - line_height(px)) / 2, avail, 0},
               label, (TextStyle){FONT_BOLD, px, fg, 1, false});
    c->bound = saved;
    dlist_hit(c->d, r, a, radius);
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
    dlist_rect(c->d, r, selected ? t->accent : t->surface, r.h / 2);
    if (!selected) dlist_frame(c->d, r, color_mix(t->surface, t->text, 0.25), r.h / 2, U(c, 2));
    int px = PX(c, PX_SMALL);
    Rect saved = c->bound;
    c->bound = r;
    w_text(c, (Rect){r.x + U(c, 32), r.y + (r.h - line_height(px)) / 2, r.w - U(c, 64), 0},
           label, (TextStyle){FONT_BOLD, px, selected ? t->on_accent : t->text, 1, true});
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
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80) n++;
    int px = (int)(r.h * 0.45f);
    float tw = (float)c->m->width(c->m->ctx, FONT_BOLD, px, s, *s ? n : 0);
    if (*s) {
        DlCmd *cmd = dlist_push(c->d, DL_TEXT, (Rect){r.x + (r.w - tw) / 2,
                                                      r.y + (r.h - line_height(px)) / 2, tw,
                                                      line_height(px)});
        cmd->text = s;
        cmd->len = n;
        cmd->font = FONT_BOLD;
        cmd->px = px;
        cmd->color = c->t->text;
        cmd->box = r;
        cmd->bound = r;
    }
}

static uint32_t tint_of(const Ctx *c, const Item *it)
{
    return it->has_color ? color_mix(it->color, 0xFFFFFF, 0.8) : color_mix(c->t->accent, 0xFFFFFF, 0.9);
}

void w_item_card(Ctx *c, Rect r, const Item *it)
{
    const Theme *t = c->t;
    float radius = U(c, SZ_RADIUS), pad = U(c, 20);
    dlist_rect(c->d, r, t->surface, radius);
    Rect saved = c->bound;
    c->bound = r;
    bool people = it->collection->layout == LAYOUT_CARDS;
    float pic_h = people ? r.w * 0.62f : r.h * 0.42f;
    w_picture(c, (Rect){r.x + pad, r.y + pad, r.w - 2 * pad, pic_h}, it->image, &it->title,
              tint_of(c, it));
    float y = r.y + pad + pic_h + U(c, 16);
    Rect tb = {r.x + pad, y, r.w - 2 * pad, 0};
    y += w_text(c, tb, T(c, &it->title), (TextStyle){FONT_BOLD, PX(c, PX_CARD_TITLE), t->text, 2, false});
    float left = r.y + r.h - pad - y;
    int lines = (int)(left / line_height(PX(c, PX_SMALL)));
    if (lines > 0)
        w_text(c, (Rect){r.x + pad, y + U(c, 6), r.w - 2 * pad, 0}, T(c, &it->subtitle),
               (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->muted, lines > 3 ? 3 : lines, false});
    c->bound = saved;
    dlist_hit(c->d, r, (Action){.kind = ACT_ITEM, .item = it}, radius);
}

void w_item_row(Ctx *c, Rect r, const Item *it)
{
    const Theme *t = c->t;
    float radius = U(c, SZ_RADIUS), pad = U(c, 18);
    dlist_rect(c->d, r, t->surface, radius);
    Rect saved = c->bound;
    c->bound = r;
    float pic = r.h - 2 * pad;
    w_picture(c, (Rect){r.x + pad, r.y + pad, pic, pic}, it->image, &it->title, tint_of(c, it));
    float x = r.x + pad + pic + U(c, 24), w = r.x + r.w - pad - x;
    bool sub = text_present(&it->subtitle);
    float th = line_height(PX(c, PX_CARD_TITLE)) + (sub ? line_height(PX(c, PX_SMALL)) : 0);
    float y = r.y + (r.h - th) / 2;
    y += w_text(c, (Rect){x, y, w, 0}, T(c, &it->title),
                (TextStyle){FONT_BOLD, PX(c, PX_CARD_TITLE), t->text, 1, false});
    if (sub)
        w_text(c, (Rect){x, y, w, 0}, T(c, &it->subtitle),
               (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->muted, 1, false});
    c->bound = saved;
    dlist_hit(c->d, r, (Action){.kind = ACT_ITEM, .item = it}, radius);
}

float w_header(Ctx *c, const char *title, const char *intro)
{
    const Theme *t = c->t;
    float x = c->content.x + U(c, SZ_MARGIN), w = c->content.w - 2 * U(c, SZ_MARGIN);
    float y = c->content.y + U(c, 40);
    y += w_text(c, (Rect){x, y, w, 0}, title, (TextStyle){FONT_BOLD, PX(c, PX_TITLE), t->text, 2, false});
    if (intro && *intro) {
        y += U(c, 8);
        y += w_text(c, (Rect){x, y, w * (c->portrait ? 1.0f : 0.7f), 0}, intro,
                    (TextStyle){FONT_REGULAR, PX(c, PX_BODY), t->muted, 2, false});
    }
    return y + U(c, 28);
}
