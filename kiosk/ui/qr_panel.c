/* qr_panel.c: QR codes that say where they lead.
 *
 * A code alone asks a visitor to trust it; "Scan: kiesmbo.nl" tells them what their phone
 * will open before they lift it. The panel is laid out for a fixed place on the screen (the
 * item page keeps it out of the scrolling text), so its height is known before it is drawn:
 * every function measures when `draw` is false and draws the same layout when it is true.
 * One code stands beside its caption; two or more share the row, captions below. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    QR_SIDE = 200,      /* the code itself, without its quiet zone: ~5 cm on a 24" 1080p screen */
    QR_QUIET = 16,      /* white around the code (the quiet zone scanners need) */
    QR_RADIUS = 16,
    PANEL_PAD = 20,
    CAPTION_GAP = 24,   /* between a code and the caption beside it */
    BELOW_CODE = 10,    /* between a code and the caption below it */
    SITE_LINES = 2,     /* a long host name, broken after a dot */
    LABEL_LINES = 3,
};

const char *w_link_site(Ctx *c, const char *url)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    if (strncasecmp(p, "www.", 4) == 0) p += 4;
    return dlist_printf(c->d, "%.*s", (int)strcspn(p, "/?#:"), p);
}

/* The site with a zero-width space after each dot: a long host name that needs two lines
 * breaks after a dot ("ausbildung." / "example.com"), not inside a word. A left-to-right
 * mark before it keeps the dot with its name on a right-to-left line. */
static const char *breakable_site(Ctx *c, const char *url)
{
    const char *site = w_link_site(c, url);
    char buf[512];
    size_t n = 0;
    for (const char *p = site; *p && n + 8 < sizeof buf; p++) {
        buf[n++] = *p;
        if (*p == '.' && p[1])
            n += (size_t)snprintf(buf + n, sizeof buf - n, "\xE2\x80\x8E\xE2\x80\x8B");
    }
    buf[n] = '\0';
    return dlist_strdup(c->d, buf);
}

/* The code on its white square; returns the square's side. */
static float code(Ctx *c, float x, float y, float side, const char *url, bool draw)
{
    float quiet = U(c, QR_QUIET), sq = side + 2 * quiet;
    if (!draw) return sq;
    dlist_rect(c->d, (Rect){x, y, sq, sq}, 0xFFFFFF, U(c, QR_RADIUS));
    DlCmd *q = dlist_push(c->d, DL_QR, (Rect){x + quiet, y + quiet, side, side});
    q->text = url;
    return sq;
}

static float text_or_measure(Ctx *c, Rect box, const char *s, TextStyle st, bool draw)
{
    return draw ? w_text(c, box, s, st) : w_text_height(c, box.w, s, st);
}

/* "Scan: kiesmbo.nl" and under it the link's own caption; returns the height. Where the
 * first does not fit on one line, "Scan:" gets its own line and the site the next (a host
 * name is one word: broken after "Scan:", not after a dot in the middle). */
static float caption(Ctx *c, Rect box, const Link *link, bool center, bool draw)
{
    const Theme *t = c->t;
    TextStyle bold = {FONT_BOLD, PX(c, PX_SMALL), t->text, SITE_LINES, center, "QR caption"};
    const char *tpl = S(c, STR_SCAN_SITE), *site = breakable_site(c, link->url);
    char buf[512];
    const char *line = dlist_strdup(c->d, ui_fill(buf, sizeof buf, tpl, "{site}", site));
    const char *blank = strstr(tpl, "{site}");
    float h;
    if (w_text_width(c, line, FONT_BOLD, bold.px) <= box.w || !blank || blank == tpl) {
        h = text_or_measure(c, box, line, bold, draw);
    } else {
        /* What comes before the site on a line of its own ("Scan:"), the site on the next. */
        size_t n = (size_t)(blank - tpl);
        while (n > 0 && tpl[n - 1] == ' ') n--;
        h = text_or_measure(c, box, dlist_printf(c->d, "%.*s", (int)n, tpl), bold, draw);
        h += text_or_measure(c, (Rect){box.x, box.y + h, box.w, 0}, site, bold, draw);
    }
    if (!text_present(&link->caption)) return h;
    box.y += h + U(c, 4);
    return h + U(c, 4) +
           text_or_measure(c, box, T(c, &link->caption),
                           (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->muted, LABEL_LINES, center,
                                       "QR caption"}, draw);
}

/* One code beside its caption, the pair centred vertically. */
static float beside(Ctx *c, Rect in, const Link *link, bool draw)
{
    float side = fminf(U(c, QR_SIDE), in.w * 0.45f - 2 * U(c, QR_QUIET));
    float sq = side + 2 * U(c, QR_QUIET), g = U(c, CAPTION_GAP);
    Rect cb = {in.x + sq + g, in.y, in.w - sq - g, 0};
    float ch = caption(c, cb, link, false, false), h = fmaxf(sq, ch);
    if (draw) {
        code(c, in.x, in.y + (h - sq) / 2, side, link->url, true);
        cb.y += (h - ch) / 2;
        caption(c, cb, link, false, true);
    }
    return h;
}

/* Codes side by side, each with its caption centred below. */
static float in_a_row(Ctx *c, Rect in, const Link *links, size_t n, bool draw)
{
    float g = U(c, SZ_GAP), cw = (in.w - g * (float)(n - 1)) / (float)n;
    float side = fminf(U(c, QR_SIDE), cw - 2 * U(c, QR_QUIET)), h = 0;
    for (size_t i = 0; i < n; i++) {
        float x = in.x + (float)i * (cw + g);
        float sq = code(c, x + (cw - side) / 2 - U(c, QR_QUIET), in.y, side, links[i].url, draw);
        float ch = caption(c, (Rect){x, in.y + sq + U(c, BELOW_CODE), cw, 0}, &links[i], true, draw);
        h = fmaxf(h, sq + U(c, BELOW_CODE) + ch);
    }
    return h;
}

float w_qr_panel(Ctx *c, Rect box, const Link *links, size_t n, bool draw)
{
    if (n == 0) return 0;
    float pad = U(c, PANEL_PAD);
    if (draw) {
        /* the panel behind, at the height the same layout measures */
        box.h = w_qr_panel(c, box, links, n, false);
        dlist_rect(c->d, box, c->t->surface, U(c, SZ_RADIUS));
    }
    Rect in = {box.x + pad, box.y + pad, box.w - 2 * pad, 0};
    float h = n == 1 ? beside(c, in, links, draw) : in_a_row(c, in, links, n, draw);
    return h + 2 * pad;
}
