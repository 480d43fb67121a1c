/* view_result.c: the quiz result as a reward: a ranked top three, the best match first.
 *
 * Each match shows its rank, picture, title, a match bar and the visitor's own answers that
 * put it there ("Jij koos: robots, veiligheid, mbo"). The bar is the item's points as a share
 * of the most any item of this quiz can score (quiz_rank.h): one scale for all three, so the
 * bars shrink down the ranking and a weak fit never shows as 100 %. The main (accent) button
 * opens the best match; "again" is secondary; the best match's first link is a QR code whose
 * caption names the site, so the visitor takes the result along.
 *
 * Landscape: the ranking on the left, QR code and buttons in a column on the right. Portrait:
 * anchored low (title at the top, then the best match, the others, and the buttons and QR
 * code at the bottom, within reach), the best match growing into the room there is. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/color.h"
#include "ui/quiz_rank.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    HERO_H = 330,       /* the best match, landscape (less when the room is short) */
    HERO_MIN = 240,
    HERO_H_MAX = 620,   /* portrait: it grows into the free room up to this */
    ROW_H = 150,        /* the second and third match (more with larger text) */
    BOX_PAD = 20,
    TEXT_GAP = 28,      /* picture to text */
    RANK = 60,          /* the round rank badge */
    HERO_TITLE_PX = 56,
    BAR_H = 18,
    BAR_W = 460,        /* the longest a match bar gets */
    LINE_GAP = 10,
    SIDE_W = 470,       /* landscape: the column with the QR code and the buttons */
    QR_SIDE = 220,
    QR_PAD = 16,
    BUTTON_H = 110,
    HERO_FRAME = 4,
};

/* "Jij koos: robots, veiligheid, mbo": the answers' own short words (`why`), else their text. */
static const char *why_line(Ctx *c, const QuizMatch *m)
{
    char words[512] = "";
    for (size_t i = 0; i < m->n_why; i++) {
        const Answer *a = m->why[i];
        const char *w = text_present(&a->why) ? T(c, &a->why) : T(c, &a->text);
        size_t used = strlen(words);
        snprintf(words + used, sizeof words - used, "%s%s", i ? ", " : "", w);
    }
    char line[640];
    return dlist_strdup(c->d, ui_fill(line, sizeof line, S(c, STR_YOU_CHOSE), "{why}", words));
}

typedef struct Styles {
    TextStyle title, sub, pct, why;
} Styles;

static Styles styles(Ctx *c, bool hero)
{
    const Theme *t = c->t;
    return (Styles){
        .title = {FONT_BOLD, PX(c, hero ? HERO_TITLE_PX : PX_CARD_TITLE), t->text, hero ? 2 : 1,
                  false, "result title"},
        .sub = {FONT_REGULAR, PX(c, PX_BODY), t->text, 1, false, NULL},
        .pct = {FONT_BOLD, PX(c, PX_SMALL), t->text, 1, false, NULL},
        .why = {FONT_REGULAR, PX(c, PX_SMALL), t->muted, hero ? 2 : 1, false, "quiz why"},
    };
}

/* Title, match bar and why, from (x, y) in width w; returns the height (measure: no drawing). */
static float match_texts(Ctx *c, float x, float y, float w, const QuizMatch *m, bool hero,
                         bool draw)
{
    const Theme *t = c->t;
    Styles st = styles(c, hero);
    const Item *it = m->item;
    const char *title = w_title_that_fits(c, w, &it->title, &it->short_title, st.title);
    char buf[64];
    const char *pct = dlist_strdup(c->d, ui_fill_count(buf, sizeof buf, S(c, STR_MATCH),
                                                       (size_t)m->percent, 0));
    const char *why = why_line(c, m);
    /* The best match says what you would do there, in its own subtitle. */
    const char *sub = hero && text_present(&it->subtitle) ? T(c, &it->subtitle) : NULL;
    float lh = w_line_height(st.pct.px), gap = U(c, LINE_GAP), y0 = y;
    if (!draw)
        return w_text_height(c, w, title, st.title) + gap + lh + gap +
               w_text_height(c, w, why, st.why) + (sub ? w_text_height(c, w, sub, st.sub) : 0);
    y += w_text(c, (Rect){x, y, w, 0}, title, st.title);
    if (sub) y += w_text(c, (Rect){x, y, w, 0}, sub, st.sub);
    y += gap;
    float pw = w_text_width(c, pct, FONT_BOLD, st.pct.px);
    float bw = fminf(U(c, BAR_W), w - pw - U(c, 16)), bh = U(c, BAR_H);
    if (bw > bh * 2) {
        Rect track = {x, y + (lh - bh) / 2, bw, bh};
        dlist_rect(c->d, track, color_mix(t->surface, t->text, 0.12), bh / 2);
        float fill = fmaxf(bh, bw * (float)m->percent / 100.0f);
        dlist_rect(c->d, (Rect){track.x, track.y, fill, bh}, t->accent, bh / 2);
        w_text(c, (Rect){x + bw + U(c, 16), y, pw + 4, 0}, pct, st.pct);
    } else {
        w_text(c, (Rect){x, y, w, 0}, pct, st.pct);
    }
    y += lh + gap;
    y += w_text(c, (Rect){x, y, w, 0}, why, st.why);
    return y - y0;
}

static void rank_badge(Ctx *c, float x, float y, size_t rank, bool hero)
{
    float side = U(c, RANK) * (hero ? 1.2f : 1.0f);
    uint32_t bg = hero ? c->t->accent : c->t->text, fg = hero ? c->t->on_accent : c->t->surface;
    dlist_rect(c->d, (Rect){x, y, side, side}, bg, side / 2);
    const char *n = dlist_printf(c->d, "%zu", rank);
    int px = (int)(side * 0.5f);
    float nw = w_text_width(c, n, FONT_BOLD, px);
    w_text(c, (Rect){x + (side - nw) / 2, y + (side - w_line_height(px)) / 2, nw + 2, 0}, n,
           (TextStyle){FONT_BOLD, px, fg, 1, false, NULL});
}

/* One match on its card; the whole card opens the item. `tall`: picture above the texts. */
static void match_box(Ctx *c, Rect r, const QuizMatch *m, size_t rank, bool hero, bool tall)
{
    const Theme *t = c->t;
    const Item *it = m->item;
    float pad = U(c, BOX_PAD), radius = U(c, SZ_RADIUS);
    w_surface(c, r, t->surface, radius);
    if (hero) dlist_frame(c->d, r, t->accent, radius, U(c, HERO_FRAME));
    Rect saved = c->bound;
    c->bound = r;
    uint32_t tint = it->has_color ? color_mix(it->color, 0xFFFFFF, 0.8)
                                  : color_mix(t->accent, 0xFFFFFF, 0.9);
    Rect pic;
    float tx, ty, tw;
    if (tall) {
        tw = r.w - 2 * pad;
        float th = match_texts(c, 0, 0, tw, m, hero, false);
        pic = (Rect){r.x + pad, r.y + pad, tw, r.h - 3 * pad - th};
        tx = r.x + pad;
        ty = pic.y + pic.h + pad;
    } else {
        float side = fminf(r.h - 2 * pad, r.w * 0.3f);
        /* The others: their rank in a column of its own, so it hides none of the picture. */
        float lead = hero ? 0 : U(c, RANK) + pad;
        if (!hero) rank_badge(c, r.x + pad, r.y + (r.h - U(c, RANK)) / 2, rank, false);
        pic = (Rect){r.x + pad + lead, r.y + pad, side, r.h - 2 * pad};
        tx = pic.x + side + U(c, TEXT_GAP);
        tw = r.x + r.w - pad - tx;
        ty = r.y + (r.h - match_texts(c, 0, 0, tw, m, hero, false)) / 2;
    }
    w_picture(c, pic, it->image, &it->title, tint);
    if (hero) rank_badge(c, pic.x + pad / 2, pic.y + pad / 2, rank, true);
    match_texts(c, tx, ty, tw, m, hero, true);
    c->bound = saved;
    dlist_hit(c->d, r, (Action){.kind = ACT_ITEM, .item = it}, radius);
}

/* The best match's QR code with "Scan: site" and the link's caption under it, centred in a
 * column of width w from (x, y). Returns the height, or 0 when the item has no link. */
static float qr_block(Ctx *c, float x, float y, float w, const Item *best, bool draw)
{
    if (!best || best->n_links == 0) return 0;
    const Theme *t = c->t;
    const Link *link = &best->links[0];
    float side = U(c, QR_SIDE), pad = U(c, QR_PAD), box = side + 2 * pad, y0 = y;
    TextStyle site = {FONT_BOLD, PX(c, PX_SMALL), t->text, 1, true, "QR caption"};
    TextStyle cap = {FONT_REGULAR, PX(c, PX_SMALL), t->muted, 2, true, "QR caption"};
    char buf[256];
    const char *scan = dlist_strdup(c->d, ui_fill(buf, sizeof buf, S(c, STR_SCAN_SITE), "{site}",
                                                  w_link_site(c, link->url)));
    const char *more = text_present(&link->caption) ? T(c, &link->caption) : NULL;
    float h = box + U(c, 10) + w_text_height(c, w, scan, site) +
              (more ? U(c, 4) + w_text_height(c, w, more, cap) : 0);
    if (!draw) return h;
    dlist_rect(c->d, (Rect){x + (w - box) / 2, y, box, box}, 0xFFFFFF, U(c, 16));
    DlCmd *q = dlist_push(c->d, DL_QR, (Rect){x + (w - box) / 2 + pad, y + pad, side, side});
    q->text = link->url;
    y += box + U(c, 10);
    y += w_text(c, (Rect){x, y, w, 0}, scan, site);
    if (more) w_text(c, (Rect){x, y + U(c, 4), w, 0}, more, cap);
    return y0 + h - y0;
}

/* The best match (primary) and "again" (secondary), stacked from (x, y), w wide. */
static float buttons(Ctx *c, float x, float y, float w, const Item *best)
{
    float bh = U(c, BUTTON_H), g = U(c, SZ_GAP);
    if (best)
        w_button(c, (Rect){x, y, w, bh}, S(c, STR_BEST_MATCH), NULL, BTN_ACCENT,
                 (Action){.kind = ACT_ITEM, .item = best});
    w_button(c, (Rect){x, y + (best ? bh + g : 0), w, bh}, S(c, STR_AGAIN), "again", BTN_SURFACE,
             (Action){.kind = ACT_QUIZ_AGAIN});
    return (best ? 2 * bh + g : bh);
}

/* The matches in a column from y to bottom: the best one large, the others in rows. */
/* The height a row needs for its texts (larger text, "A+", needs more than ROW_H). */
static float row_need(Ctx *c, float cw, const QuizMatch *m, size_t n)
{
    float pad = U(c, BOX_PAD), side = U(c, ROW_H) - 2 * pad;
    float tw = cw - 3 * pad - U(c, RANK) - side - U(c, TEXT_GAP), need = U(c, ROW_H);
    for (size_t i = 1; i < n; i++) need = fmaxf(need, match_texts(c, 0, 0, tw, &m[i], false, false) + 2 * pad);
    return need;
}

/* How the matches share a column: the others' rows, in one or two columns, and the least
 * the best match needs. */
typedef struct Plan {
    size_t cols, rows;
    float cw, row, least;
} Plan;

static Plan plan(Ctx *c, float w, float h, const QuizMatch *m, size_t n)
{
    float g = U(c, SZ_GAP), pad = U(c, BOX_PAD);
    size_t rest = n > 1 ? n - 1 : 0;
    Plan p = {.cols = 1, .cw = w, .row = row_need(c, w, m, n), .least = U(c, HERO_MIN)};
    /* Four or five matches where one column has no room for them (landscape): the others
     * side by side in two columns under the best one. */
    if (rest > 2 && h - (float)rest * (p.row + g) < U(c, HERO_MIN)) {
        p.cols = 2;
        p.cw = (w - g) / 2;
        p.row = row_need(c, p.cw, m, n);
    }
    p.rows = (rest + p.cols - 1) / p.cols;
    if (n > 0 && !c->portrait) {
        float tw = w - 2 * pad - fminf(p.least - 2 * pad, w * 0.3f) - U(c, TEXT_GAP);
        p.least = fmaxf(p.least, match_texts(c, 0, 0, tw, &m[0], true, false) + 2 * pad);
    }
    return p;
}

/* The height the matches need at the least. */
static float plan_need(Ctx *c, const Plan *p)
{
    return p->least + (float)p->rows * (p->row + U(c, SZ_GAP));
}

static void ranking(Ctx *c, Rect col, const QuizMatch *m, size_t n)
{
    float g = U(c, SZ_GAP);
    size_t rest = n > 1 ? n - 1 : 0;
    Plan p = plan(c, col.w, col.h, m, n);
    /* The best match gets what is left, at least its texts' height. */
    float hero = fmaxf(col.h - (float)p.rows * (p.row + g), p.least);
    /* Fewer than three matches (a small quiz): the best one takes the others' room rather
     * than leaving an empty band. */
    float cap = (c->portrait ? U(c, HERO_H_MAX) : U(c, HERO_H)) +
                (n < 3 ? (float)(3 - n) * (U(c, ROW_H) + g) : 0);
    float y = col.y;
    if (hero > cap) {
        y += hero - cap; /* anchored low: the free room goes above */
        hero = cap;
    }
    if (n > 0) match_box(c, (Rect){col.x, y, col.w, hero}, &m[0], 1, true, c->portrait);
    y += hero + g;
    for (size_t k = 0; k < rest; k++)
        match_box(c, (Rect){col.x + (float)(k % p.cols) * (p.cw + g),
                            y + (float)(k / p.cols) * (p.row + g), p.cw, p.row},
                  &m[k + 1], k + 2, false, false);
}

/* Landscape keeps the result's intro only where the matches still get their room (with
 * larger text, "A+", they need it more than the sentence above them). */
static bool intro_fits(Ctx *c, const char *title, const char *intro, float w, const QuizMatch *m,
                       size_t n)
{
    if (c->portrait || !intro || !*intro) return true;
    float lw = w - U(c, SIDE_W) - 2 * U(c, SZ_GAP);
    float room = c->content.h - U(c, SZ_MARGIN) - w_header_height(c, title, intro);
    Plan p = plan(c, lw, room, m, n);
    return plan_need(c, &p) <= room;
}

void view_result(Ctx *c)
{
    const Quiz *q = c->b->quiz;
    if (ui_quiz_highlighting(c->s, c->now_ms)) {
        view_quiz(c); /* the last answer, highlighted, before the result */
        return;
    }
    const char *title = text_present(&q->result_title) ? T(c, &q->result_title) : S(c, STR_RESULT);
    QuizMatch m[QUIZ_RANK_MAX];
    size_t n = quiz_rank(q, c->s->answers, c->s->quiz_pos, m,
                         (size_t)q->result_count < QUIZ_RANK_MAX ? (size_t)q->result_count
                                                                  : QUIZ_RANK_MAX);
    const Item *best = n ? m[0].item : NULL;
    float mg = U(c, SZ_MARGIN), g = U(c, SZ_GAP), bottom = c->content.h - mg;
    float w = c->content.w - 2 * mg;
    float y = intro_fits(c, title, T(c, &q->result_text), w, m, n)
                  ? w_header(c, title, T(c, &q->result_text)) : w_header(c, title, NULL);
    if (!c->portrait) {
        float sw = U(c, SIDE_W), lw = w - sw - g * 2;
        float bh = 2 * U(c, BUTTON_H) + g;
        buttons(c, mg + lw + 2 * g, bottom - bh, sw, best);
        float qh = qr_block(c, 0, 0, sw, best, false);
        if (qh > 0 && qh <= bottom - bh - g - y)
            qr_block(c, mg + lw + 2 * g, y + (bottom - bh - g - y - qh) / 2, sw, best, true);
        ranking(c, (Rect){mg, y, lw, bottom - y}, m, n);
        return;
    }
    /* Portrait: buttons beside the QR code at the bottom, the ranking above them. */
    float qw = U(c, QR_SIDE) + 2 * U(c, QR_PAD) + U(c, 80);
    float qh = qr_block(c, 0, 0, qw, best, false);
    float bh = 2 * U(c, BUTTON_H) + g;
    float area = fmaxf(qh, bh);
    float bw = qh > 0 ? w - qw - 2 * g : w;
    buttons(c, mg, bottom - area + (area - bh) / 2, bw, best);
    if (qh > 0) qr_block(c, mg + bw + 2 * g, bottom - area, qw, best, true);
    ranking(c, (Rect){mg, y, w, bottom - area - 2 * g - y}, m, n);
}
